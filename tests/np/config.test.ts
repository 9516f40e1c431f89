// np.show_config: the report of what np runs on follows the kernel choice, the machine's kernels
// and the slab switch.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as np from "../../src/np";
import { configText } from "../../src/np/config";
import { setGemm } from "../../src/np/kernels/gemm";
import { nativeInfo } from "../../src/np/kernels/native";
import { useSlabs } from "../../src/np/empty";

afterEach(() => {
  setGemm({ kernel: null, threads: 2 });
  useSlabs(true);
  vi.restoreAllMocks();
});

describe("np.show_config", () => {
  it("prints the report to the console", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    np.show_config();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toBe(configText());
  });

  it("names the kernel in use, forced or chosen, and the threads", () => {
    const native = nativeInfo();
    const chosen = configText();
    expect(chosen).toContain(`kernel: ${native.available ? "native" : "wasm"} (the fastest available), up to 2 threads`);
    expect(chosen).toContain(native.available ? `native: available, ${native.isa}` : `native: not available: ${native.reason}`);
    setGemm({ kernel: "js", threads: 1 });
    expect(configText()).toContain("kernel: js (forced: NNLAB_GEMM or setGemm), up to 1 thread;");
  });

  it("says how small results are allocated", () => {
    expect(configText()).toContain("small results (9 to 2048 doubles): carved from shared 256 KB slabs");
    useSlabs(false);
    expect(configText()).toContain("small results (9 to 2048 doubles): each in its own buffer");
  });
});
