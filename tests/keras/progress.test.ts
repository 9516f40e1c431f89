// Keras' progress output: the bar, the number formats, the finished line, and what a terminal
// (redrawn in place) and a pipe (one line per epoch) receive.
import { describe, expect, it } from "vitest";
import { keras, np } from "../../src";
import { TerminalProgress, bar, eta, finishedLine, formatValue, perStep, progressSpec } from "../../src/keras/progress";
import { toPNG } from "../../src/plot";

describe("keras progress", () => {
  it("formats as Keras' Progbar does", () => {
    expect(bar(0, 157)).toBe("  0/157 [..............................]");
    expect(bar(12, 157)).toBe(" 12/157 [=>............................]");
    expect(bar(157, 157)).toBe("157/157 [==============================]");
    expect(formatValue(0.31)).toBe("0.3100");
    expect(formatValue(0.0004567)).toBe("4.5670e-04");
    expect(perStep(0.0123)).toBe("12ms/step");
    expect(perStep(2.4)).toBe("2s/step");
    expect(perStep(0.0000456)).toBe("46us/step");
    expect([eta(5.2), eta(65), eta(3725)]).toEqual(["5s", "1:05", "1:02:05"]);
    expect(finishedLine(157, 1.9, { loss: 0.31, accuracy: 0.91, val_loss: 0.2, val_accuracy: 0.94 })).toBe(
      "157/157 [==============================] - 2s 12ms/step - loss: 0.3100 - accuracy: 0.9100 - val_loss: 0.2000 - val_accuracy: 0.9400",
    );
    expect(finishedLine(10, 3, { loss: 0.5 }, 2)).toBe("10/10 - 3s - loss: 0.5000 - 3s/epoch - 300ms/step");
  });

  it("a terminal gets the bar redrawn with \\r, ending in the finished line; a pipe only the finished lines", () => {
    for (const dynamic of [true, false]) {
      let out = "";
      const p = new TerminalProgress(1, (s) => (out += s), dynamic);
      p.epochBegin(1, 2, 3);
      p.batchEnd(1, { loss: 1 });
      p.batchEnd(2, { loss: 0.9 });
      p.batchEnd(3, { loss: 0.8 });
      p.epochEnd(1, { loss: 0.8 });
      const lines = out.split("\n");
      expect(lines[0]).toBe("Epoch 1/2");
      if (dynamic) {
        expect(out).toContain("\r1/3 [=========>....................] - ETA: 0s - loss: 1.0000");
        expect(lines[1].split("\r").pop()).toMatch(/^3\/3 \[={30}\] - 0s \d+(us|ms)\/step - loss: 0\.8000\s*$/);
      } else {
        expect(out).not.toContain("\r");
        expect(lines[1]).toMatch(/^3\/3 \[={30}\] - 0s \d+(us|ms)\/step - loss: 0\.8000$/);
      }
    }
  });

  it("fit with verbose 2 outside a kernel prints Keras' per-epoch lines", async () => {
    np.random.seed(0);
    const model = keras.Sequential([keras.layers.Dense(1, { input_shape: [2] })]);
    model.compile({ loss: "mse", optimizer: "sgd" });
    const writes: string[] = [];
    const orig = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => (writes.push(String(s)), true)) as typeof process.stdout.write;
    try {
      await model.fit(np.random.randn(10, 2), np.zeros([10, 1]), { epochs: 2, batch_size: 4, verbose: 2 });
    } finally {
      process.stdout.write = orig;
    }
    const text = writes.join("");
    expect(text).toMatch(/^Epoch 1\/2\n3\/3 - 0s - loss: \d\.\d{4} - 0s\/epoch - \d+(us|ms)\/step\nEpoch 2\/2\n/);
  });

  it("the live chart renders: loss and accuracy panels, train and validation", () => {
    const points = [
      { epoch: 0.5, value: 0.9, panel: "loss", series: "train" },
      { epoch: 1, value: 0.5, panel: "loss", series: "train" },
      { epoch: 1, value: 0.6, panel: "loss", series: "validation" },
      { epoch: 1, value: 0.8, panel: "accuracy", series: "train" },
      { epoch: 1, value: 0.78, panel: "accuracy", series: "validation" },
    ];
    const { width, height, png } = toPNG(progressSpec(points, 3, "Epoch 1/3", "157/157 - loss: 0.5000"), 1);
    expect(width).toBeGreaterThan(500);
    expect(height).toBeGreaterThan(150);
    expect(png.length).toBeGreaterThan(1000);
  });
});
