/**
 * The two-thread WebAssembly SIMD kernels: one shared wasm memory, the generated GEMM module
 * instantiated on the main thread and in one worker. Work is claimed in units from a shared atomic
 * counter (column panels for matmul, images for the convolutions, each thread packing its own
 * operands), so a thread on a busy core just takes fewer units; if the worker has not woken up by the
 * time the main thread has run every unit, the main thread closes the task and does not wait. Kernels
 * stay synchronous (the main thread waits only while the worker holds a unit: in `Atomics.wait`
 * under Node, spinning on a browser page's main thread, which may not block).
 *
 * The filter gradients reduce over images: there every unit sums into its own accumulator and the
 * accumulators are added in unit order afterwards, so `wasm-2t` gives the same bits on every run
 * whichever thread ran which unit (and whether the worker woke at all); the other kernels write
 * disjoint outputs and match `wasm` bit for bit.
 * The worker comes from a thread host (`thread-host.ts`); Node's never keeps the process alive, and
 * `dispose()` terminates it.
 */
import { type Conv2dGeometry, type Kernels, type MatmulOptions, packA, packB, unpackC } from '@gapkit/autodiff';
import { implicitConvApplies, implicitConvPays } from '../wasm/implicit-conv.js';
import { type ConvFn, simdKernelsModule } from '../wasm/simd-kernels-module.js';
import { type WasmMemory, wasmApi } from '../wasm/wasm-runtime.js';
import { type BlockFn, CTL, type RangeTask, runRangeTask, writeTask } from './ranges.js';
import { noThreadHostReason, type ThreadHost, threadHost, type WorkerHandle } from './thread-host.js';

const MR = 4;
const NRV = 2;
const NR = 4 * NRV;
const KC = 256;
const PAGE = 65536;
const MAX_PAGES = 16384; // 1 GiB of address space; only touched pages count towards RSS
const CHUNK_FLOATS = 1 << 20;
/** Below this many multiply-adds a kernel runs on the main thread alone (waking the worker costs more). */
const MIN_SPLIT_MACS = 1 << 21;
const TASK_TIMEOUT_MS = 120_000;
/** Bound on the per-unit filter-gradient accumulators of one split call (floats; fewer, larger units past it). */
const MAX_UNIT_ACCUMULATOR_FLOATS = 1 << 22;

/** True when this runtime has shared wasm memory, SIMD and a thread host (see `thread-host.ts`). */
export function isThreadedWasmSupported(): boolean {
  return threadedWasmUnsupportedReason() === null;
}

/** Why the two-thread engine cannot run here, or null when it can. */
export function threadedWasmUnsupportedReason(): string | null {
  if (!sharedSimdSupported()) return 'this runtime has no shared WebAssembly memory with SIMD';
  return threadHost() === undefined ? noThreadHostReason() : null;
}

function sharedSimdSupported(): boolean {
  try {
    if (wasmApi === undefined || typeof SharedArrayBuffer !== 'function') return false;
    if (!wasmApi.validate(simdKernelsModule({ mr: MR, nrv: NRV }, { shared: true, maximumPages: MAX_PAGES }))) return false;
    new wasmApi.Memory({ initial: 1, maximum: 1, shared: true });
    return true;
  } catch {
    return false;
  }
}

/** Matmul and convolution kernels on two threads (main + one worker). */
export class ThreadedWasm {
  readonly description = `wasm-simd f32x4 ${MR}x${NR} tile, kc=${KC}, 2 threads (main + 1 worker, shared memory); conv: implicit GEMM on padded planes (stride 1), im2col otherwise`;
  private readonly memory: WasmMemory;
  private readonly block: BlockFn;
  private readonly conv: ConvFn;
  private readonly host: ThreadHost;
  private readonly worker: WorkerHandle;
  private readonly ctl: Int32Array;
  private top = 0;
  private seq = 0;
  /** Set by the kernel views (`kernels(split)`): whether the current call may use the worker. */
  private allowSplit = true;
  private disposed = false;
  private readonly soloCtl = new Int32Array(CTL.length);
  /** Calls offered to both threads / run on the main thread only (too small to split). */
  splitCalls = 0;
  soloCalls = 0;
  /** Work units run by the main thread and by the worker in split calls. */
  mainUnits = 0;
  workerUnits = 0;

  constructor() {
    if (wasmApi === undefined) throw new Error('threaded wasm: no WebAssembly in this runtime');
    const host = threadHost();
    if (host === undefined) throw new Error(`threaded wasm: ${noThreadHostReason()}`);
    this.host = host;
    const bytes = simdKernelsModule({ mr: MR, nrv: NRV }, { shared: true, maximumPages: MAX_PAGES });
    this.memory = new wasmApi.Memory({ initial: 256, maximum: MAX_PAGES, shared: true });
    const instance = new wasmApi.Instance(new wasmApi.Module(bytes), { env: { memory: this.memory } });
    this.block = instance.exports.block as unknown as BlockFn;
    this.conv = instance.exports.conv as unknown as ConvFn;
    const control = new SharedArrayBuffer(CTL.length * 4);
    this.ctl = new Int32Array(control);
    this.worker = host.spawn({ memory: this.memory, moduleBytes: bytes, control });
  }

  /** Where the worker runs (for `describe()`). */
  get threadKind(): string {
    return this.host.kind;
  }

  /** Why the worker died, if it did (the main thread then runs every unit; it never waits for it). */
  get workerFailure(): string | undefined {
    return this.worker.failure?.();
  }

  private f32(): Float32Array {
    return new Float32Array(this.memory.buffer);
  }

  /** Bump-allocates `floats` (64-byte aligned) for the current call; returns the byte pointer. */
  private alloc(floats: number): number {
    const ptr = this.top;
    this.top += Math.ceil(floats / 16) * 64;
    const have = this.memory.buffer.byteLength;
    if (this.top > have) this.memory.grow(Math.ceil((this.top - have) / PAGE));
    return ptr;
  }

  private copyIn(src: Float32Array): number {
    const ptr = this.alloc(src.length);
    this.f32().set(src, ptr >> 2);
    return ptr;
  }

  /** Whether the worker thread has started (it sets ctl[2] once its module is instantiated). */
  get workerReady(): boolean {
    return Atomics.load(this.ctl, CTL.ready) === 1;
  }

  /**
   * Runs a task: on the main thread alone when `worker` is null (or the view forbids splitting),
   * otherwise offered to both threads (`worker` differs from `main` only in its scratch buffers).
   */
  private execute(main: RangeTask, worker: RangeTask | null): void {
    if (this.disposed) throw new Error('threaded wasm backend used after dispose()');
    if (worker === null || !this.allowSplit) {
      this.runHere(main);
      this.soloCalls++;
      return;
    }
    const seq = main.seq;
    Atomics.store(this.ctl, CTL.nextUnit, 0);
    writeTask(worker, this.ctl);
    Atomics.store(this.ctl, CTL.claim, seq * 4);
    Atomics.store(this.ctl, CTL.wake, 1);
    Atomics.notify(this.ctl, CTL.wake);
    let mainError: unknown = null;
    try {
      this.mainUnits += runRangeTask(main, this.block, this.conv, this.f32(), this.ctl);
    } catch (e) {
      mainError = e;
      Atomics.store(this.ctl, CTL.nextUnit, 1 << 30); // stop the worker claiming more
    }
    this.splitCalls++;
    // Close the task; if the worker claimed it first, wait for the units it holds.
    if (Atomics.compareExchange(this.ctl, CTL.claim, seq * 4, seq * 4 + 2) !== seq * 4) this.awaitWorker(seq);
    if (mainError !== null) throw mainError;
  }

  private runHere(t: RangeTask): number {
    this.soloCtl[CTL.nextUnit] = 0;
    return runRangeTask(t, this.block, this.conv, this.f32(), this.soloCtl);
  }

  /** Waits until the worker has finished task `seq` (it claimed it), then takes its units or error. */
  private awaitWorker(seq: number): void {
    const deadline = performance.now() + TASK_TIMEOUT_MS;
    for (let done = Atomics.load(this.ctl, CTL.done); done !== seq; done = Atomics.load(this.ctl, CTL.done)) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`threaded wasm: worker task timed out after ${TASK_TIMEOUT_MS} ms`);
      if (this.host.mainCanWait) Atomics.wait(this.ctl, CTL.done, done, Math.min(left, 1000));
    }
    const errorLength = this.ctl[CTL.errorLength];
    if (errorLength > 0) {
      const text = String.fromCharCode(...this.ctl.subarray(CTL.errorText, CTL.errorText + errorLength));
      throw new Error(`threaded wasm worker: ${text}`);
    }
    this.workerUnits += this.ctl[CTL.workerUnits];
  }

  private task(kind: RangeTask['kind'], fields: Partial<RangeTask>): RangeTask {
    return {
      kind, mr: MR, nr: NR, kcBlock: KC, seq: this.seq, start: 0, end: 0, unit: 1, cStride: 0, exact: false, mPanels: 0, nPanels: 0, k: 0,
      aPtr: 0, bPtr: 0, cPtr: 0, inPtr: 0, in2Ptr: 0, outPtr: 0, g: null, ic: null, offPtr: 0, inLen: 0, ...fields,
    };
  }

  private nextSeq(): void {
    this.seq = (this.seq + 1) & 0x0fffffff;
  }

  matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number, opts: MatmulOptions = {}): Float32Array {
    this.top = 0;
    const out = new Float32Array(m * n);
    if (m === 0 || n === 0 || k === 0) return out;
    const mP = Math.ceil(m / MR);
    const nP = Math.ceil(n / NR);
    const aPtr = this.alloc(mP * MR * k);
    const bPtr = this.alloc(nP * NR * k);
    const cPtr = this.alloc(mP * MR * nP * NR);
    const f32 = this.f32();
    packA(a, m, k, opts.transA ?? false, MR, f32.subarray(aPtr >> 2, (aPtr >> 2) + mP * MR * k));
    packB(b, k, n, opts.transB ?? false, NR, f32.subarray(bPtr >> 2, (bPtr >> 2) + nP * NR * k));
    this.nextSeq();
    const t = this.task('gemm', { mPanels: mP, nPanels: nP, k, aPtr, bPtr, cPtr, start: 0, end: nP, unit: Math.max(1, Math.ceil(nP / 8)) });
    this.execute(t, m * k * n < MIN_SPLIT_MACS || nP < 2 ? null : t);
    const ldc = nP * NR;
    unpackC(this.f32().subarray(cPtr >> 2, (cPtr >> 2) + mP * MR * ldc), ldc, m, n, out);
    return out;
  }

  /** Images per work unit (bounded by the scratch size, and ≤ batch/8 so both threads get several). */
  private plan(g: Conv2dGeometry): { chunk: number; solo: boolean } {
    const P = g.outHeight * g.outWidth;
    const CKK = g.inChannels * g.kernelH * g.kernelW;
    const byMemory = Math.floor(CHUNK_FLOATS / (Math.max(CKK, g.outChannels) * P));
    const chunk = Math.max(1, Math.min(byMemory, Math.ceil(g.batch / 8)));
    const solo = g.batch < 2 || g.batch * P * CKK * g.outChannels < MIN_SPLIT_MACS;
    return { chunk, solo };
  }

  private runConv(kind: RangeTask['kind'], g: Conv2dGeometry, perThread: (t: 0 | 1) => Partial<RangeTask>, shared: Partial<RangeTask>): void {
    const { chunk, solo } = this.plan(g);
    this.nextSeq();
    const base = { ...shared, g, start: 0, end: g.batch, unit: chunk };
    this.execute(this.task(kind, { ...base, ...perThread(0) }), solo ? null : this.task(kind, { ...base, ...perThread(1) }));
  }

  /** Padded-plane geometry for a stride-1 conv of [batch, cin, h, w] (see `implicit-conv.ts`). */
  private implicitDims(batch: number, cin: number, h: number, w: number, padH: number, padW: number, kh: number, kw: number, cout: number, accLen = 0) {
    const dw = accLen > 0;
    const Hp = h + 2 * padH;
    const Wp = w + 2 * padW;
    const Gi = Hp * Wp;
    const maxShift = (kh - 1) * Wp + (kw - 1);
    const byMemory = Math.max(1, Math.floor(CHUNK_FLOATS / (Math.max(cin, cout) * Gi)));
    const byShare = Math.max(1, Math.min(byMemory, Math.ceil(batch / 8)));
    const unit = dw ? ThreadedWasm.accumulatorUnits(batch, byShare, accLen) : byShare;
    const nPMax = Math.ceil((unit * Gi) / NR);
    const L = dw ? unit * Gi + maxShift : Math.ceil((nPMax * NR + maxShift) / 4) * 4;
    const ho = dw ? h + 2 * padH - kh + 1 : Hp - kh + 1;
    const d = { cin, h, w, padH, padW, kw, cout, Wp, Gi, ho, wo: Wp - kw + 1, S: kh * kw, L };
    return { d, unit, nPMax, solo: batch < 2 || batch * ho * d.wo * cin * cout * kh * kw < MIN_SPLIT_MACS };
  }

  /** Stride-1 forward-style convolution on padded planes, split by images. */
  private implicitConv(
    inp: Float32Array, batch: number, cin: number, h: number, w: number, padH: number, padW: number, kh: number, kw: number,
    cout: number, weight: (o: number, c: number, ky: number, kx: number) => number,
  ): Float32Array {
    this.top = 0;
    const { d, unit, nPMax, solo } = this.implicitDims(batch, cin, h, w, padH, padW, kh, kw, cout);
    const mP = Math.ceil(cout / MR);
    const inPtr = this.copyIn(inp);
    const aLen = mP * MR * d.S * cin;
    const aPtr = this.alloc(aLen);
    const offPtr = this.alloc(d.S);
    const outLen = batch * cout * d.ho * d.wo;
    const outPtr = this.alloc(outLen);
    const bufs = [0, 1].map(() => ({ bPtr: this.alloc(cin * d.L), cPtr: this.alloc(mP * MR * nPMax * NR) }));
    const f32 = this.f32();
    const a = f32.subarray(aPtr >> 2, (aPtr >> 2) + aLen);
    a.fill(0);
    for (let o = 0; o < cout; o++) {
      const ip = (o / MR) | 0;
      for (let s = 0; s < d.S; s++) {
        for (let c = 0; c < cin; c++) a[((ip * d.S + s) * cin + c) * MR + (o % MR)] = weight(o, c, (s / kw) | 0, s % kw);
      }
    }
    const off = new Int32Array(f32.buffer, offPtr, d.S);
    for (let s = 0; s < d.S; s++) off[s] = (((s / kw) | 0) * d.Wp + (s % kw)) * 4;
    this.nextSeq();
    const base = { mPanels: mP, aPtr, offPtr, inPtr, outPtr, ic: d, inLen: inp.length, start: 0, end: batch, unit };
    this.execute(this.task('iconv', { ...base, ...bufs[0] }), solo ? null : this.task('iconv', { ...base, ...bufs[1] }));
    return this.f32().slice(outPtr >> 2, (outPtr >> 2) + outLen);
  }

  /** Whether a call of this view may use the worker (`solo`: too small to split). */
  private splits(solo: boolean): boolean {
    return !solo && this.allowSplit;
  }

  /**
   * Accumulators for a filter gradient of `len` floats: one per unit when the call is split (summed in
   * unit order by `sumUnits`), else one. Zeroed. Returns the base pointer and the stride in bytes.
   */
  private accumulators(len: number, units: number): { cPtr: number; cStride: number } {
    const stride = Math.ceil(len / 16) * 16; // floats, 64-byte aligned
    const cPtr = this.alloc(units * stride);
    this.f32().fill(0, cPtr >> 2, (cPtr >> 2) + units * stride);
    return { cPtr, cStride: units > 1 ? stride * 4 : 0 };
  }

  /** Σ over `units` accumulators, added in unit order (float32), as a fresh array of `len` floats. */
  private sumUnits(acc: { cPtr: number; cStride: number }, len: number, units: number): Float32Array {
    const f32 = this.f32();
    const out = f32.slice(acc.cPtr >> 2, (acc.cPtr >> 2) + len);
    for (let u = 1; u < units; u++) {
      const base = (acc.cPtr + u * acc.cStride) >> 2;
      for (let i = 0; i < len; i++) out[i] += f32[base + i];
    }
    return out;
  }

  /** Units of `unit` images over `batch`, made larger if their accumulators would pass the bound. */
  private static accumulatorUnits(batch: number, unit: number, len: number): number {
    const maxUnits = Math.max(2, Math.floor(MAX_UNIT_ACCUMULATOR_FLOATS / len));
    return Math.max(unit, Math.ceil(batch / maxUnits));
  }

  /** Stride-1 filter gradient on padded planes: per-unit per-tap accumulators, summed in unit order. */
  private implicitFilterGrad(x: Float32Array, dy: Float32Array, g: Conv2dGeometry): Float32Array {
    this.top = 0;
    const { inChannels: C, outChannels: O, kernelH: KH, kernelW: KW } = g;
    const mP = Math.ceil(O / MR);
    const nPc = Math.ceil(C / NR);
    const cLen = mP * MR * nPc * NR;
    const S = KH * KW;
    const { d, unit, solo } = this.implicitDims(g.batch, C, g.inHeight, g.inWidth, g.padH, g.padW, KH, KW, O, S * cLen);
    const split = this.splits(solo);
    const units = split ? Math.ceil(g.batch / unit) : 1;
    const inPtr = this.copyIn(x);
    const in2Ptr = this.copyIn(dy);
    const bufs = [0, 1].map(() => ({ aPtr: this.alloc(mP * MR * d.L), bPtr: this.alloc(nPc * NR * d.L) }));
    const acc = this.accumulators(S * cLen, units);
    const run = (exact: boolean): void => {
      if (exact) this.f32().fill(0, acc.cPtr >> 2, (acc.cPtr >> 2) + (units > 1 ? (units * acc.cStride) >> 2 : S * cLen));
      this.nextSeq();
      const base = { mPanels: mP, inPtr, in2Ptr, ic: d, inLen: x.length, start: 0, end: g.batch, unit, exact, ...acc };
      this.execute(this.task('iconvDw', { ...base, ...bufs[0] }), split ? this.task('iconvDw', { ...base, ...bufs[1] }) : null);
    };
    run(false);
    let taps = this.sumUnits(acc, S * cLen, units);
    // The padded-grid sum multiplies out-of-window pixels by zero: a non-finite one shows up as a
    // non-finite entry, and then the exact per-row sum (same bits on finite data) is run instead.
    if (!taps.every(Number.isFinite)) {
      run(true);
      taps = this.sumUnits(acc, S * cLen, units);
    }
    const dw = new Float32Array(O * C * S);
    const ldc = nPc * NR;
    for (let s = 0; s < S; s++) {
      const c0 = s * cLen;
      for (let o = 0; o < O; o++) {
        for (let c = 0; c < C; c++) dw[(o * C + c) * S + s] = taps[c0 + o * ldc + c];
      }
    }
    return dw;
  }

  conv2d(x: Float32Array, w: Float32Array, g: Conv2dGeometry): Float32Array {
    if (implicitConvPays(g)) {
      const { inChannels: C, kernelH: KH, kernelW: KW } = g;
      return this.implicitConv(x, g.batch, C, g.inHeight, g.inWidth, g.padH, g.padW, KH, KW, g.outChannels, (o, c, ky, kx) => w[((o * C + c) * KH + ky) * KW + kx]);
    }
    this.top = 0;
    const P = g.outHeight * g.outWidth;
    const CKK = g.inChannels * g.kernelH * g.kernelW;
    const O = g.outChannels;
    const mP = Math.ceil(O / MR);
    const { chunk } = this.plan(g);
    const nPMax = Math.ceil((chunk * P) / NR);
    const inPtr = this.copyIn(x);
    const aPtr = this.alloc(mP * MR * CKK);
    packA(w, O, CKK, false, MR, this.f32().subarray(aPtr >> 2, (aPtr >> 2) + mP * MR * CKK));
    const outPtr = this.alloc(g.batch * O * P);
    const bufs = [0, 1].map(() => ({ bPtr: this.alloc(nPMax * NR * CKK), cPtr: this.alloc(mP * MR * nPMax * NR) }));
    this.runConv('convFwd', g, (t) => bufs[t], { aPtr, inPtr, outPtr, mPanels: mP });
    return this.f32().slice(outPtr >> 2, (outPtr >> 2) + g.batch * O * P);
  }

  conv2dBackpropInput(dy: Float32Array, w: Float32Array, g: Conv2dGeometry): Float32Array {
    if (implicitConvPays(g)) {
      const { inChannels: C, kernelH: KH, kernelW: KW, outChannels: O } = g;
      return this.implicitConv(dy, g.batch, O, g.outHeight, g.outWidth, KH - 1 - g.padH, KW - 1 - g.padW, KH, KW, C, (c, o, ky, kx) =>
        w[((o * C + c) * KH + (KH - 1 - ky)) * KW + (KW - 1 - kx)],
      );
    }
    this.top = 0;
    const P = g.outHeight * g.outWidth;
    const CKK = g.inChannels * g.kernelH * g.kernelW;
    const O = g.outChannels;
    const xLen = g.batch * g.inChannels * g.inHeight * g.inWidth;
    const mP = Math.ceil(CKK / MR);
    const { chunk } = this.plan(g);
    const nPMax = Math.ceil((chunk * P) / NR);
    const inPtr = this.copyIn(dy);
    const aPtr = this.alloc(mP * MR * O);
    packA(w, CKK, O, true, MR, this.f32().subarray(aPtr >> 2, (aPtr >> 2) + mP * MR * O));
    const outPtr = this.alloc(xLen);
    this.f32().fill(0, outPtr >> 2, (outPtr >> 2) + xLen);
    const bufs = [0, 1].map(() => ({ bPtr: this.alloc(nPMax * NR * O), cPtr: this.alloc(mP * MR * nPMax * NR) }));
    this.runConv('convDx', g, (t) => bufs[t], { aPtr, inPtr, outPtr, mPanels: mP });
    return this.f32().slice(outPtr >> 2, (outPtr >> 2) + xLen);
  }

  conv2dBackpropFilter(x: Float32Array, dy: Float32Array, g: Conv2dGeometry): Float32Array {
    if (implicitConvApplies(g)) return this.implicitFilterGrad(x, dy, g);
    this.top = 0;
    const P = g.outHeight * g.outWidth;
    const CKK = g.inChannels * g.kernelH * g.kernelW;
    const O = g.outChannels;
    const mP = Math.ceil(O / MR);
    const nP = Math.ceil(CKK / NR);
    const cLen = mP * MR * nP * NR;
    const { chunk: share, solo } = this.plan(g);
    const split = this.splits(solo);
    const chunk = split ? ThreadedWasm.accumulatorUnits(g.batch, share, cLen) : share;
    const units = split ? Math.ceil(g.batch / chunk) : 1;
    const inPtr = this.copyIn(x);
    const in2Ptr = this.copyIn(dy);
    const bufs = [0, 1].map(() => ({ aPtr: this.alloc(mP * MR * chunk * P), bPtr: this.alloc(nP * NR * chunk * P) }));
    const acc = this.accumulators(cLen, units);
    this.nextSeq();
    const base = { inPtr, in2Ptr, mPanels: mP, g, start: 0, end: g.batch, unit: chunk, ...acc };
    this.execute(this.task('convDw', { ...base, ...bufs[0] }), split ? this.task('convDw', { ...base, ...bufs[1] }) : null);
    const dw = new Float32Array(O * CKK);
    unpackC(this.sumUnits(acc, cLen, units), nP * NR, O, CKK, dw);
    return dw;
  }

  /** Bytes of shared wasm memory reserved so far (it only grows). */
  get memoryBytes(): number {
    return this.memory.buffer.byteLength;
  }

  /**
   * The kernels of the backend interface on this engine: with `split` false every call runs on the
   * main thread alone (the single-thread wasm backend, sharing this engine's memory).
   */
  kernels(split = true): Pick<Kernels, 'matmul' | 'conv2d' | 'conv2dBackpropInput' | 'conv2dBackpropFilter'> {
    const on = <T>(f: () => T): T => {
      this.allowSplit = split;
      return f();
    };
    return {
      matmul: (a, b, m, k, n, opts) => on(() => this.matmul(a, b, m, k, n, opts)),
      conv2d: (x, w, g) => on(() => this.conv2d(x, w, g)),
      conv2dBackpropInput: (dy, w, g) => on(() => this.conv2dBackpropInput(dy, w, g)),
      conv2dBackpropFilter: (x, dy, g) => on(() => this.conv2dBackpropFilter(x, dy, g)),
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    Atomics.store(this.ctl, CTL.exit, 1);
    Atomics.store(this.ctl, CTL.wake, 1);
    Atomics.notify(this.ctl, CTL.wake);
    this.worker.terminate();
  }
}
