// The sandbox a submission's kernel runs in. The grader starts every submission in a fresh tslab
// kernel in its own folder; this module wraps that kernel's command line so the student's code
// cannot read the grader's files (the assignment's solutions and tests, other submissions, the
// grader's output), cannot write outside its folder, starts no processes and no threads of its
// own, has no network and none of the grader's environment, and is held to memory, file-size and
// process limits. Nothing it starts outlives the kernel.
//
// The layers, strongest first (each one is used when this machine has it; `describe()` says which):
//  - bubblewrap (Debian's `bwrap`): own mount, PID, network, IPC and UTS namespaces. The sandbox's
//    root is an empty tmpfs holding only what the kernel needs, bind-mounted read-only: /usr, a few
//    files of /etc, the kernel's runtime packages from node_modules (tslab, zeromq, TypeScript, vega,
//    resvg, ... found by following package.json dependencies), the files of nnlab's build that the
//    student entry (dist/student.js), the kernel hooks and the grading harness load (found by
//    following their require()s; dist/labs/shallow.js and the other reference solutions are not
//    among them), and nnlab's datasets. The submission folder and the kernel's connection folder
//    (its Unix sockets) are the only writable places. The PID namespace dies with the kernel, and
//    the sandbox dies with the grader (--die-with-parent).
//  - an unprivileged user: a fresh uid/gid per sandbox (setpriv), no capabilities, no_new_privs,
//    owner of the submission folder only. Its process limit counts only this kernel's tasks.
//  - seccomp (x86-64): fork, vfork and clone of a new process fail with EPERM (clone3 with ENOSYS so
//    the C library falls back to clone, whose flags the filter can see); threads are allowed.
//  - Node's permission model: reads limited to the same files, writes to the submission folder, no
//    child processes, no worker threads. Native addons stay allowed (zeromq and resvg are addons),
//    which is why it is not the only layer: an addon runs outside Node's checks. Measured on Node
//    20.20: the check is made on the path as written, before symlinks are resolved, so granting the
//    repository's node_modules would grant node_modules/nnlab/dist/labs/shallow.js through the
//    `nnlab -> ..` link to fs.readFileSync (require() resolves first and is refused); creating
//    symlinks needs full read and write permission; and fs.existsSync throws, rather than
//    returning false, for a path it may not read (hence PROBED_FILES).
//  - RLIMITs (prlimit): data segment (ArrayBuffers, WebAssembly memories and the V8 heap), file size,
//    processes, no core dumps; V8's own heap limit (--max-old-space-size) below the data limit,
//    so a runaway JS heap ends the kernel with V8's "JavaScript heap out of memory" (see
//    `kernelDeathReason`) and a typed-array bomb fails its cell with a RangeError.
//  - a scrubbed environment: PATH, HOME and TMPDIR (the submission folder), LANG, TSLAB_HOOKS.
//
// Without bubblewrap (a container that forbids namespaces) the other layers still apply; the file
// read restrictions then rest on Node's permission model alone, and the network is not isolated.
//
// Signals: bwrap does not forward signals, but Kernel.interrupt() sends SIGINT to the process it
// spawned. The kernel is therefore started through a few lines of sh that forward SIGINT to the
// kernel process inside the namespace, turn SIGTERM/SIGHUP into killing bwrap (which takes the
// whole namespace with it), and exit with bwrap's status (the kernel's exit code, 128 + signal
// when it was killed: 134 after V8's out-of-memory abort). setpriv gives the sh a parent-death
// signal, so even a SIGKILLed grader takes its sandboxes with it.
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { delimiter, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { KernelOptions } from "../notebook/kernel";
import { ADDON as NATIVE_ADDON, nativeSwitchedOff } from "../np/kernels/native";

export interface SandboxOptions {
  /** The submission's folder: the kernel's working directory and the only place it may write. */
  workDir: string;
  /** Memory budget of the kernel (MiB): its data segment limit (RLIMIT_DATA, which counts the V8
   *  heap, ArrayBuffers and WebAssembly memories); V8's heap limit is set 256 MiB below it. The idle
   *  kernel with nnlab loaded uses about 260 MiB of it. Default 1024, at least 512. */
  memoryMB?: number;
  /** Largest file the kernel may write (MiB, RLIMIT_FSIZE). Default 32. */
  maxFileMB?: number;
  /** Most tasks (processes and threads) the sandbox user may have (RLIMIT_NPROC; only with a user
   *  of its own). An idle kernel has 13. Default 64. */
  maxTasks?: number;
  /** Extra environment variables for the kernel (e.g. TSLAB_MAX_OUTPUT_CHARS). */
  env?: Record<string, string>;
  /** More of nnlab's compiled modules the kernel must be able to load (absolute paths to .js files;
   *  what they require() comes along). Default: the grading harness, dist/grader/harness.js. */
  modules?: string[];
  /** "auto" (default): every layer this machine supports. "no-bwrap": the same without bubblewrap
   *  (what runs where namespaces are not allowed; for tests and for comparison). */
  mode?: "auto" | "no-bwrap";
  /** For tests of the layers underneath: leave out Node's permission model. */
  nodePermissions?: boolean;
  /** dispose() also deletes the workDir and everything in it. Default false. */
  removeWorkDir?: boolean;
}

export interface Sandbox {
  /** Pass to Kernel.start: { cwd: workDir, launch, env, transport: "ipc" }. */
  kernelOptions(): KernelOptions;
  /** One paragraph: which isolation mechanisms are in force (and which are not available here and
   *  why), printed by `nnlab grade`. */
  describe(): string;
  /** The mechanisms in force, for callers that record them. */
  readonly layers: SandboxLayers;
  /** The uid the kernel runs as (null when it runs as the grader's own user). */
  readonly uid: number | null;
  /** Removes what createSandbox made (the nnlab package stub in workDir, workDir/tmp) and
   *  gives workDir back to its owner; the workDir contents stay unless `removeWorkDir`. */
  dispose(): void;
}

export interface SandboxLayers {
  bwrap: boolean;
  user: boolean;
  seccomp: boolean;
  nodePermissions: boolean;
  rlimits: boolean;
}

const MiB = 1024 * 1024;

/** The files of /etc the kernel reads: the dynamic loader's, fontconfig's (resvg), the time zone
 *  and OpenSSL's configuration (which Debian's node reads at start-up). */
const SYSTEM_FILES = ["/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/fonts", "/etc/localtime", "/etc/ssl/openssl.cnf"];
/** Paths the runtime packages test for with fs.existsSync, which Node's permission model makes
 *  throw instead of returning false when the path may not be read (zeromq's loader looks for Alpine). */
const PROBED_FILES = ["/etc/alpine-release"];

// ---------------------------------------------------------------------------------------------
// What the kernel needs: nnlab's student build and the runtime packages, found once per process.

interface KernelFiles {
  /** The nnlab package folder (holding dist/ and datasets/). */
  packageRoot: string;
  dist: string;
  /** The node_modules folder tslab is installed in (the kernel's project). */
  nodeModules: string;
  /** The tslab bin script. */
  tslabBin: string;
  studentJs: string;
  studentDts: string;
  hooks: string;
  datasets: string | null;
  /** The native gemm kernel (np/kernels/native.ts), when it is built: graded kernels multiply with
   *  it too (it checks every length it is given, as for any caller). */
  nativeAddon: string | null;
  /** Files of nnlab's build the kernel may read. */
  distFiles: string[];
  /** The same as folders where a whole folder is needed, else files (fewer mounts: each bind
   *  costs bwrap about half a millisecond). */
  distMounts: string[];
  /** Package folders (absolute, real paths; none inside another) the kernel may read. */
  packages: string[];
  /** Packages the declarations import (name -> folder), and Node's types. */
  typePackages: Array<[string, string]>;
}

const filesCache = new Map<string, KernelFiles>();

function real(p: string): string {
  return realpathSync(p);
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** `child` is `parent` or inside it. */
function within(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith(".." + sep) && rel !== ".." && !isAbsolute(rel));
}

const JS_SPECIFIER = /\brequire(?:\.resolve)?\(\s*["']([^"'`$]+)["']\s*\)/g;
const DTS_SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\/\/\/\s*<reference\s+path=)["']([^"']+)["']/g;

function bareName(spec: string): string | null {
  if (spec.startsWith(".") || spec.startsWith("/") || spec.startsWith("node:")) return null;
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function resolveRelative(fromFile: string, spec: string, exts: string[]): string | null {
  const base = resolve(dirname(fromFile), spec);
  for (const ext of exts) if (isFile(base + ext)) return real(base + ext);
  for (const ext of exts) if (isFile(join(base, "index" + ext))) return real(join(base, "index" + ext));
  return isFile(base) ? real(base) : null;
}

/** The module graph of nnlab's build reachable from `entries` (.js through require(), .d.ts through
 *  imports), with the bare package names the .js and the .d.ts files use. Only files under `dist`
 *  are followed. */
function moduleClosure(entries: string[], dist: string): { files: Set<string>; bare: Set<string>; typeBare: Set<string> } {
  const files = new Set<string>();
  const bare = new Set<string>();
  const typeBare = new Set<string>();
  const queue = entries.filter(isFile).map(real);
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file) || !within(file, dist)) continue;
    files.add(file);
    const dts = file.endsWith(".d.ts");
    if (!dts && file.endsWith(".js") && isFile(file.slice(0, -3) + ".d.ts")) queue.push(file.slice(0, -3) + ".d.ts");
    if (!dts && !file.endsWith(".js")) continue;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(dts ? DTS_SPECIFIER : JS_SPECIFIER)) {
      const name = bareName(m[1]);
      if (name !== null) {
        if (!m[1].startsWith("node:")) (dts ? typeBare : bare).add(name);
        continue;
      }
      if (m[1].startsWith("node:") || m[1].startsWith("/")) continue;
      const target = resolveRelative(file, m[1], dts ? [".d.ts", ".ts"] : [".js", ".json"]);
      if (target) queue.push(target);
    }
  }
  return { files, bare, typeBare };
}

/** Where Node would find package `name` from `fromDir` (its folder), or null. */
function findPackage(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (isFile(join(candidate, "package.json"))) return real(candidate);
    if (dirname(dir) === dir) return null;
  }
}

function readJson(path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The runtime package folders: `seeds` and everything their package.json dependencies (optional
 *  and peer ones included, when installed) pull in, resolved as Node resolves them. */
function packageClosure(seeds: string[], fromDir: string, skip: string): string[] {
  const found = new Set<string>();
  const queue: Array<[string, string]> = seeds.map((s) => [s, fromDir]);
  while (queue.length > 0) {
    const [name, from] = queue.pop()!;
    const dir = findPackage(name, from);
    if (dir === null || found.has(dir) || dir === skip) continue;
    found.add(dir);
    const pkg = readJson(join(dir, "package.json"));
    for (const field of ["dependencies", "optionalDependencies", "peerDependencies"]) {
      const deps = pkg[field];
      if (deps && typeof deps === "object") for (const d of Object.keys(deps)) queue.push([d, dir]);
    }
  }
  // A package inside another one's folder (its own node_modules) comes with that folder.
  const sorted = [...found].sort((a, b) => a.length - b.length);
  const top: string[] = [];
  for (const d of sorted) if (!top.some((t) => within(d, t))) top.push(d);
  return top.sort();
}

function kernelFiles(modules: string[]): KernelFiles {
  const key = modules.join("\0");
  const cached = filesCache.get(key);
  if (cached) return cached;
  const tslabPkg = dirname(require.resolve("tslab/package.json"));
  const nodeModules = real(dirname(tslabPkg));
  const studentJs = real(require.resolve("nnlab/dist/student.js"));
  const dist = dirname(studentJs);
  const packageRoot = dirname(dist);
  const studentDts = join(dist, "student.d.ts");
  const hooks = join(dist, "kernel", "hooks.js");
  if (!isFile(studentDts) || !isFile(hooks)) throw new Error(`sandbox: nnlab's build is incomplete in ${dist} (run npm run build)`);
  const { files, bare, typeBare } = moduleClosure([studentJs, studentDts, hooks, ...modules], dist);
  // Assets next to the modules (data files read by path at run time), never other modules.
  for (const f of [...files]) {
    for (const name of readdirSync(dirname(f))) {
      const p = join(dirname(f), name);
      if (!/\.(js|cjs|mjs|ts|map)$/.test(name) && isFile(p)) files.add(real(p));
    }
  }
  const rootPkg = readJson(join(packageRoot, "package.json"));
  const seeds = new Set<string>(["tslab", ...bare]);
  for (const d of Object.keys((rootPkg.dependencies as object | undefined) ?? {})) seeds.add(d);
  // The type checker reads Node's types for cells that use process, Buffer, ...
  if (isDir(join(nodeModules, "@types", "node"))) seeds.add("@types/node");
  seeds.delete("nnlab");
  const packages = packageClosure([...seeds, ...typeBare], packageRoot, real(packageRoot));
  const typePackages: Array<[string, string]> = [];
  for (const name of new Set([...typeBare, "@types/node"])) {
    const dir = name === "nnlab" ? null : findPackage(name, packageRoot);
    if (dir !== null) typePackages.push([name, dir]);
  }
  const datasets = isDir(join(packageRoot, "datasets")) ? real(join(packageRoot, "datasets")) : null;
  const addon = join(packageRoot, NATIVE_ADDON);
  const nativeAddon = isFile(addon) && !nativeSwitchedOff() ? real(addon) : null;
  const result: KernelFiles = {
    packageRoot,
    dist,
    nodeModules,
    tslabBin: real(join(tslabPkg, "bin", "tslab")),
    studentJs,
    studentDts,
    hooks: real(hooks),
    datasets,
    nativeAddon,
    distFiles: [...files].sort(),
    distMounts: coverWithFolders(files, dist),
    packages,
    typePackages,
  };
  filesCache.set(key, result);
  return result;
}

// ---------------------------------------------------------------------------------------------
// What this machine offers, probed once per process.

interface Host {
  root: boolean;
  bwrap: string | null;
  bwrapVersion: string;
  bwrapWhyNot: string;
  setpriv: string | null;
  prlimit: string | null;
  sh: string;
  seccomp: boolean;
  permissionModel: boolean;
  permissionWhyNot: string;
  disableWarning: boolean;
}

let hostCache: Host | null = null;

function which(cmd: string): string | null {
  for (const dir of ["/usr/bin", "/bin", "/usr/sbin", "/sbin", ...(process.env.PATH ?? "").split(delimiter)]) {
    if (dir && isFile(join(dir, cmd))) return join(dir, cmd);
  }
  return null;
}

function probeHost(): Host {
  if (hostCache) return hostCache;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  let bwrap = which("bwrap");
  let bwrapVersion = "";
  let bwrapWhyNot = "";
  if (bwrap === null) {
    bwrapWhyNot = "bubblewrap is not installed (Debian package bubblewrap)";
  } else {
    bwrapVersion = spawnSync(bwrap, ["--version"], { encoding: "utf8" }).stdout?.trim() ?? "";
    // The same namespaces the kernel gets; a container that forbids them fails here.
    const args = [
      "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--die-with-parent",
      "--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib",
      "--symlink", "usr/lib64", "/lib64", "--proc", "/proc", "--dev", "/dev", "--", "/usr/bin/true",
    ];
    if (!root) args.unshift("--unshare-user");
    const r = spawnSync(bwrap, args, { encoding: "utf8", timeout: 10_000 });
    if (r.status !== 0) {
      bwrapWhyNot = `bubblewrap cannot create namespaces here (${(r.stderr || r.error?.message || `exit ${r.status}`).trim()})`;
      bwrap = null;
    }
  }
  const flags = process.allowedNodeEnvironmentFlags;
  const permissionModel = flags.has("--experimental-permission") && flags.has("--allow-addons");
  hostCache = {
    root,
    bwrap,
    bwrapVersion,
    bwrapWhyNot,
    setpriv: which("setpriv"),
    prlimit: which("prlimit"),
    sh: which("sh") ?? "/bin/sh",
    seccomp: process.platform === "linux" && process.arch === "x64",
    permissionModel,
    permissionWhyNot: permissionModel ? "" : `Node ${process.version} has no permission model with --allow-addons (zeromq is an addon)`,
    disableWarning: flags.has("--disable-warning"),
  };
  return hostCache;
}

// ---------------------------------------------------------------------------------------------
// seccomp: a classic BPF program in the layout bwrap --seccomp reads (struct sock_filter[]).

const BPF_LD_W_ABS = 0x20;
const BPF_JEQ_K = 0x15;
const BPF_JGE_K = 0x35;
const BPF_JSET_K = 0x45;
const BPF_RET_K = 0x06;
const AUDIT_ARCH_X86_64 = 0xc000003e;
const SECCOMP_RET_ALLOW = 0x7fff0000;
const SECCOMP_RET_ERRNO = 0x00050000;
const EPERM = 1;
const ENOSYS = 38;
const CLONE_THREAD = 0x00010000;
const NR = { clone: 56, fork: 57, vfork: 58, clone3: 435 };

/** fork/vfork and clone without CLONE_THREAD fail with EPERM; clone3 with ENOSYS (glibc then uses
 *  clone); any other ABI (x32, i386 through int 0x80) fails with EPERM; everything else runs. */
export function seccompProgram(): Buffer {
  type Insn = [code: number, jt: number, jf: number, k: number];
  const ALLOW = 11, DENY = 12, NOSYS = 13;
  const prog: Insn[] = [
    /* 0 */ [BPF_LD_W_ABS, 0, 0, 4], // seccomp_data.arch
    /* 1 */ [BPF_JEQ_K, 0, DENY - 2, AUDIT_ARCH_X86_64],
    /* 2 */ [BPF_LD_W_ABS, 0, 0, 0], // seccomp_data.nr
    /* 3 */ [BPF_JGE_K, DENY - 4, 0, 0x40000000], // the x32 ABI
    /* 4 */ [BPF_JEQ_K, DENY - 5, 0, NR.fork],
    /* 5 */ [BPF_JEQ_K, DENY - 6, 0, NR.vfork],
    /* 6 */ [BPF_JEQ_K, NOSYS - 7, 0, NR.clone3],
    /* 7 */ [BPF_JEQ_K, 0, ALLOW - 8, NR.clone],
    /* 8 */ [BPF_LD_W_ABS, 0, 0, 16], // low half of args[0]: clone's flags
    /* 9 */ [BPF_JSET_K, ALLOW - 10, DENY - 10, CLONE_THREAD],
    /* 10 */ [BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW], // unreachable
    /* 11 */ [BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW],
    /* 12 */ [BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | EPERM],
    /* 13 */ [BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | ENOSYS],
  ];
  const buf = Buffer.alloc(prog.length * 8);
  prog.forEach(([code, jt, jf, k], i) => {
    buf.writeUInt16LE(code, i * 8);
    buf.writeUInt8(jt, i * 8 + 2);
    buf.writeUInt8(jf, i * 8 + 3);
    buf.writeUInt32LE(k >>> 0, i * 8 + 4);
  });
  return buf;
}

// ---------------------------------------------------------------------------------------------
// The forwarder: sh between Kernel and bwrap (see the header).

// bwrap's own process ($b) has one child, the namespace's init; the kernel is that one's child.
// It first checks that its parent is still the grader that started it: a grader killed between
// spawning it and setpriv's --pdeathsig would otherwise leave an orphaned sandbox behind.
const FORWARDER = [
  'grader=$1; shift',
  '[ "$PPID" = "$grader" ] || exit 1',
  'bpf=$1; shift',
  '"$@" 3<"$bpf" &',
  'b=$!',
  'kids() {',
  '  for f in /proc/[0-9]*/status; do',
  '    while read -r k v; do',
  '      if [ "$k" = PPid: ]; then',
  '        if [ "$v" = "$1" ]; then p=${f#/proc/}; echo "${p%/status}"; fi',
  '        break',
  '      fi',
  '    done < "$f"',
  '  done 2>/dev/null',
  '}',
  'fwd() { for r in $(kids "$b"); do for k in $(kids "$r"); do kill -INT "$k" 2>/dev/null; done; done; }',
  'trap fwd INT',
  "trap 'kill -KILL $b 2>/dev/null' TERM HUP",
  's=0',
  'while kill -0 "$b" 2>/dev/null; do wait "$b"; s=$?; done',
  'exit $s',
].join("\n");

// ---------------------------------------------------------------------------------------------

/** Why a sandboxed kernel died, from its log (Kernel.log, or the DeadKernelError's lines). */
export function kernelDeathReason(log: string): "memory" | null {
  return /JavaScript heap out of memory|Reached heap limit|Fatal process out of memory|Allocation failed - process out of memory/i.test(log)
    ? "memory"
    : null;
}

/** A uid/gid no account uses: per sandbox, so process limits and file ownership are its own. */
function freshId(): number {
  return 2_000_000_000 + randomInt(1 << 24);
}

export function createSandbox(opts: SandboxOptions): Sandbox {
  const memoryMB = opts.memoryMB ?? 1024;
  if (!(memoryMB >= 512)) throw new Error(`sandbox: memoryMB must be at least 512 (the kernel alone needs about 260), got ${opts.memoryMB}`);
  const maxFileMB = opts.maxFileMB ?? 32;
  const maxTasks = opts.maxTasks ?? 64;
  if (!isDir(opts.workDir)) throw new Error(`sandbox: workDir ${opts.workDir} is not a folder`);
  const workDir = real(opts.workDir);
  const host = probeHost();
  const defaultHarness = join(__dirname, "harness.js");
  const modules = opts.modules ?? (isFile(defaultHarness) && within(real(defaultHarness), dirname(real(require.resolve("nnlab/dist/student.js")))) ? [defaultHarness] : []);
  const files = kernelFiles(modules.map((m) => real(m)));

  const useBwrap = opts.mode !== "no-bwrap" && host.bwrap !== null;
  const useUser = host.root && host.setpriv !== null;
  const useSeccomp = useBwrap && host.seccomp;
  const usePermissions = opts.nodePermissions !== false && host.permissionModel;
  const useRlimits = host.prlimit !== null;
  const layers: SandboxLayers = { bwrap: useBwrap, user: useUser, seccomp: useSeccomp, nodePermissions: usePermissions, rlimits: useRlimits };
  const uid = useUser ? freshId() : null;
  if (uid !== null && !useBwrap) {
    // Outside a mount namespace the sandbox user reaches the kernel's files through the host's folders.
    for (const p of [files.packageRoot, files.nodeModules]) {
      const blocked = unsearchable(p);
      if (blocked) throw new Error(`sandbox: without bubblewrap the kernel's user must reach ${p}, but ${blocked} is closed to others (chmod o+x it)`);
    }
  }


  // `import ... from "nnlab"` in workDir resolves to this stub, whose entry is the student build.
  const workStat = statSync(workDir);
  const localModules = join(workDir, "node_modules");
  const createdModules = !existsSync(localModules);
  const stubDir = join(localModules, "nnlab");
  rmSync(stubDir, { recursive: true, force: true });
  mkdirSync(stubDir, { recursive: true });
  const rel = (p: string) => relative(stubDir, p).split(sep).join("/");
  writeFileSync(join(stubDir, "package.json"), JSON.stringify({
    name: "nnlab",
    version: String(readJson(join(files.packageRoot, "package.json")).version ?? "0.0.0"),
    description: "nnlab as graded code sees it: the student entry, without the labs' reference solutions",
    main: rel(files.studentJs),
    types: "types/student.d.ts",
  }, null, 1) + "\n");
  // The declarations are a copy: TypeScript probes the folders on the way (dist/, node_modules/),
  // and Node's permission model can grant a folder only with everything in it (dist/labs/shallow.js).
  for (const f of files.distFiles) {
    if (!f.endsWith(".d.ts")) continue;
    const to = join(stubDir, "types", relative(files.dist, f));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(f, to);
  }
  // Without bubblewrap the same holds for the repository's node_modules (whose nnlab link leads to
  // the whole repository): the packages the declarations need are linked one by one.
  const links: string[] = [];
  if (!useBwrap) {
    for (const [name, dir] of files.typePackages) {
      const at = join(localModules, name);
      if (existsSync(at)) continue;
      mkdirSync(dirname(at), { recursive: true });
      symlinkSync(dir, at, "dir");
      links.push(at);
    }
  }
  const tmp = join(workDir, "tmp");
  const createdTmp = !existsSync(tmp);
  mkdirSync(tmp, { recursive: true });
  if (uid !== null) {
    chownSync(workDir, uid, uid);
    chmodSync(workDir, 0o700);
    chownSync(tmp, uid, uid);
    if (!useBwrap) makeSearchable(dirname(workDir));
  }
  chmodSync(tmp, 0o700);

  const env: Record<string, string> = {
    PATH: "/usr/bin:/bin",
    HOME: workDir,
    TMPDIR: tmp,
    LANG: "C.UTF-8",
    TSLAB_HOOKS: files.hooks,
    ...opts.env,
  };
  delete env.NODE_OPTIONS;

  const extras = [files.datasets, files.nativeAddon].filter((p): p is string => p !== null);
  const readable = [...files.packages, ...files.distFiles, ...extras];
  const mounted = [...files.packages, ...files.distMounts, ...extras];
  // What Node's permission model lets the kernel read. Inside bubblewrap the nnlab folder holds
  // only what is mounted, so it is granted as a whole (TypeScript probes its folders); without it,
  // file by file.
  const granted = [
    ...(useBwrap ? [files.packageRoot] : readable),
    workDir, "/usr", ...SYSTEM_FILES, ...PROBED_FILES,
  ];

  function nodeArgs(args: string[], connectionDir: string): string[] {
    const out = [`--max-old-space-size=${memoryMB - 256}`];
    if (usePermissions) {
      out.push("--experimental-permission", "--allow-addons");
      for (const p of [...granted, connectionDir]) out.push(`--allow-fs-read=${p}`);
      // tslab looks for a local tslab in node_modules of every folder above the notebook's, and
      // under the permission model fs.existsSync throws for a path it may not read.
      for (let d = dirname(workDir); ; d = dirname(d)) {
        out.push(`--allow-fs-read=${join(d, "node_modules", "tslab", "dist", "main.js")}`);
        if (dirname(d) === d) break;
      }
      out.push(`--allow-fs-write=${workDir}`);
      if (host.disableWarning) out.push("--disable-warning=ExperimentalWarning", "--disable-warning=SecurityWarning");
    }
    return [...out, ...args];
  }

  function limits(): string[] {
    if (!useRlimits) return [];
    const l = [
      host.prlimit!,
      `--data=${memoryMB * MiB}`,
      `--fsize=${maxFileMB * MiB}`,
      "--core=0",
    ];
    if (uid !== null) l.push(`--nproc=${maxTasks}`);
    return [...l, "--"];
  }

  function dropUser(): string[] {
    if (uid === null) return [];
    return [host.setpriv!, `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"];
  }

  function bwrapArgs(connectionDir: string, node: string): string[] {
    const a: string[] = [
      "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
      "--hostname", "sandbox", "--die-with-parent", "--new-session",
    ];
    if (!host.root) a.push("--unshare-user", "--cap-drop", "ALL");
    if (useSeccomp) a.push("--seccomp", "3");
    const mounts: Array<[string, string[]]> = [];
    const add = (target: string, args: string[]) => mounts.push([target, args]);
    add("/usr", ["--ro-bind", "/usr", "/usr"]);
    for (const top of ["bin", "sbin", "lib", "lib32", "lib64", "libx32"]) {
      const p = `/${top}`;
      let st;
      try {
        st = lstatSync(p);
      } catch {
        continue;
      }
      if (st.isSymbolicLink()) add(p, ["--symlink", readlinkSync(p), p]);
      else if (st.isDirectory()) add(p, ["--ro-bind", p, p]);
    }
    for (const p of SYSTEM_FILES) if (existsSync(p)) add(p, ["--ro-bind", real(p), p]);
    add("/proc", ["--proc", "/proc"]);
    add("/dev", ["--dev", "/dev"]);
    add("/tmp", ["--tmpfs", "/tmp"]);
    const nodeReal = real(node);
    if (!within(nodeReal, "/usr")) add(nodeReal, ["--ro-bind", nodeReal, nodeReal]);
    for (const p of mounted) add(p, ["--ro-bind", p, p]);
    add(workDir, ["--bind", workDir, workDir]);
    add(stubDir, ["--ro-bind", stubDir, stubDir]);
    add(connectionDir, ["--bind", connectionDir, connectionDir]);
    // bwrap would create missing parent folders with mode 0700, unreadable to the sandbox user:
    // create them (0755) first, except inside a bind mount (they are the host's own folders there).
    const targets = new Set(mounts.map(([t]) => t));
    const binds = mounts.filter(([, args]) => args[0] === "--bind" || args[0] === "--ro-bind").map(([t]) => t);
    const dirs = new Set<string>();
    for (const t of targets) {
      for (let p = dirname(t); p !== "/" && p !== dirname(p); p = dirname(p)) {
        if (targets.has(p) || binds.some((b) => b !== p && within(p, b))) continue;
        dirs.add(p);
      }
    }
    for (const d of dirs) add(d, ["--dir", d]);
    // Parents before children: sort by path, segment by segment.
    mounts.sort(([x], [y]) => comparePaths(x, y));
    for (const [, args] of mounts) a.push(...args);
    a.push("--chdir", workDir);
    return a;
  }

  const launch: NonNullable<KernelOptions["launch"]> = (node, args, connectionDir) => {
    const connDir = real(connectionDir);
    if (uid !== null) {
      chownSync(connDir, uid, uid);
      for (const f of readdirSync(connDir)) chownSync(join(connDir, f), uid, uid);
      if (!useBwrap) makeSearchable(dirname(connDir));
    }
    const inner = [...limits(), ...dropUser(), node, ...nodeArgs(args, connDir)];
    if (!useBwrap) {
      // Without a PID namespace: the kernel gets a parent-death signal of its own, set after the
      // user change (which clears it), so it dies with the grader.
      if (uid !== null && host.setpriv !== null) {
        const at = inner.indexOf(node);
        inner.splice(at, 0, host.setpriv, "--pdeathsig=KILL", "--");
      }
      return { command: inner[0], args: inner.slice(1) };
    }
    // The seccomp program goes with the connection file (Kernel removes the folder): bwrap reads it
    // before any of the kernel's code runs, so the kernel's write access there comes too late.
    let bpfPath = "/dev/null";
    if (useSeccomp) {
      bpfPath = join(connDir, "seccomp.bpf");
      writeFileSync(bpfPath, seccompProgram(), { mode: 0o600 });
    }
    const forwarder = [host.sh, "-c", FORWARDER, "nnlab-sandbox", String(process.pid), bpfPath, host.bwrap!, ...bwrapArgs(connDir, node), "--", ...inner];
    // The forwarder dies with the grader (even on SIGKILL), bwrap with the forwarder
    // (--die-with-parent), and the namespace with bwrap.
    if (host.setpriv !== null) forwarder.unshift(host.setpriv, "--pdeathsig=KILL", "--");
    return { command: forwarder[0], args: forwarder.slice(1) };
  };

  function describe(): string {
    const parts: string[] = [];
    const missing: string[] = [];
    if (useBwrap) {
      parts.push(
        `${host.bwrapVersion || "bubblewrap"} sandbox: own mount, PID, network, IPC and UTS namespaces (no network but loopback; ` +
          `everything the submission starts dies with the kernel, and the sandbox dies with the grader); ` +
          `the filesystem is an empty root with, read-only, /usr, a few files of /etc (loader, fonts, time zone, OpenSSL), ` +
          `${files.packages.length} runtime packages of node_modules, ${files.distFiles.length} files of nnlab's student build ` +
          `(no reference solutions)${files.datasets ? ", the datasets" : ""}${files.nativeAddon ? ", nnlab's native matrix-product kernel" : ""}; ` +
          "writable only the submission folder and the kernel's socket folder",
      );
    } else {
      missing.push(opts.mode === "no-bwrap" ? "bubblewrap (left out on request)" : host.bwrapWhyNot);
    }
    if (useUser) parts.push(`runs as its own unprivileged user (uid ${uid}, no capabilities, no_new_privs)`);
    else missing.push(host.root ? "a user of its own (setpriv is missing)" : "a user of its own (the grader is not root, so the kernel runs as the grader's user)");
    if (useSeccomp) parts.push("a seccomp filter makes fork, vfork and clone of new processes fail");
    else if (!host.seccomp) missing.push(`the seccomp filter (written for x86-64, this is ${process.arch})`);
    else missing.push("the seccomp filter (bubblewrap installs it)");
    if (usePermissions) {
      parts.push(
        `Node's permission model: reads only the kernel's files, writes only the submission folder, no child processes, no worker threads ` +
          `(native addons stay allowed: zeromq and resvg need them)`,
      );
    } else {
      missing.push(opts.nodePermissions === false ? "Node's permission model (left out on request)" : host.permissionWhyNot);
    }
    if (useRlimits) {
      parts.push(
        `limits: ${memoryMB} MiB of data (RLIMIT_DATA; V8 heap ${memoryMB - 256} MiB), files up to ${maxFileMB} MiB each (RLIMIT_FSIZE; their number is not limited)` +
          `${uid !== null ? `, ${maxTasks} tasks (RLIMIT_NPROC)` : ""}, no core dumps`,
      );
    } else {
      parts.push(`V8 heap limited to ${memoryMB - 256} MiB`);
      missing.push("RLIMITs (prlimit is missing)");
    }
    parts.push("a scrubbed environment (PATH, HOME and TMPDIR in the submission folder, LANG)");
    let text = `Isolation in force: ${parts.join("; ")}.`;
    if (!useBwrap) {
      text += " Without bubblewrap the grader's files are kept from the submission by Node's permission model alone" +
        " (a native addon the submission wrote and loaded would get past it" +
        (useUser ? "; other submissions' folders are also closed by ownership, each 0700 and its own user's" : "") +
        "), a process such an addon started could outlive the kernel, and the network is not isolated.";
    }
    if (missing.length > 0) text += ` Not in force: ${missing.join("; ")}.`;
    return text;
  }

  let disposed = false;
  return {
    layers,
    uid,
    kernelOptions: () => ({ cwd: workDir, launch, env: { ...env }, transport: "ipc" }),
    describe,
    dispose() {
      if (disposed) return;
      disposed = true;
      if (opts.removeWorkDir) {
        rmSync(workDir, { recursive: true, force: true });
        return;
      }
      // node_modules is root's (0755): the kernel cannot have put anything in it.
      if (createdModules) rmSync(localModules, { recursive: true, force: true });
      else {
        rmSync(stubDir, { recursive: true, force: true });
        for (const l of links) rmSync(l, { force: true });
      }
      if (createdTmp) rmSync(tmp, { recursive: true, force: true });
      try {
        chownSync(workDir, workStat.uid, workStat.gid);
        chmodSync(workDir, workStat.mode & 0o7777);
      } catch {
        // workDir is gone
      }
    },
  };
}

/** `files` (under `root`) as the fewest paths: a folder all of whose files are in the set stands
 *  for them. */
function coverWithFolders(files: Set<string>, root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): boolean => {
    const entries = readdirSync(dir, { withFileTypes: true });
    const parts: string[] = [];
    let whole = true;
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        const before = out.length;
        if (walk(p)) {
          out.length = before;
          parts.push(p);
        } else {
          whole = false;
          parts.push(...out.splice(before));
        }
      } else if (files.has(p)) {
        parts.push(p);
      } else {
        whole = false;
      }
    }
    out.push(...parts);
    return whole && entries.length > 0;
  };
  const whole = walk(root);
  return whole ? [root] : out.sort();
}

/** The first folder on the way to `p` that others may not pass through, or null. */
function unsearchable(p: string): string | null {
  for (let d = p; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return d;
    if (dirname(d) === d) return null;
  }
}

/** Lets others pass through (not list) every folder from `dir` up: o+x, as /tmp's own folders
 *  usually are. A grader's temporary folders are 0700 from mkdtemp. */
function makeSearchable(dir: string): void {
  for (let d = dir; ; d = dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) chmodSync(d, (mode & 0o7777) | 0o001);
    if (dirname(d) === d) return;
  }
}

function comparePaths(a: string, b: string): number {
  const x = a.split("/"), y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * Kills sandboxes whose grader is gone: bubblewrap processes of nnlab's grading folders that were
 * re-parented to init. A grader killed (SIGKILL) at the moment it was starting a kernel can leave
 * one behind, when bubblewrap had not yet armed its parent-death signal; `nnlab grade` sweeps them
 * at start. A live grader's sandboxes have their forwarder as parent and are left alone. Returns
 * how many were killed.
 */
export function killOrphanedSandboxes(): number {
  let killed = 0;
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      if (!/^PPid:\s+1$/m.test(status)) continue;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (!/(^|\/)bwrap$/.test(cmd[0]) || !cmd.some((a) => a.includes("/nnlab-grade-"))) continue;
      process.kill(Number(pid), "SIGKILL");
      killed++;
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return killed;
}
