/**
 * The page's self-test: a matmul and a convolution (forward and both gradients) on a gpu.js GL backend
 * and on the plain-TypeScript `cpu` kernels, with the same seeded inputs; the worst difference is
 * compared with a tolerance that grows with the reduction length (float32 on the GPU side).
 */
import { type Backend, conv2dGeometry, cpuBackend, Rng } from '@gapkit/autodiff';

export interface SelfTestCase {
  readonly kernel: string;
  readonly shape: string;
  readonly maxAbsError: number;
  readonly tolerance: number;
  readonly pass: boolean;
}

function randomArray(rng: Rng, n: number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.uniform() * 2 - 1;
  return a;
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= m)) m = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
  }
  return m;
}

function maxAbs(a: Float32Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

/** Runs every case of the self-test on `gpu` against `cpu`. */
export function runSelfTest(gpu: Backend): SelfTestCase[] {
  const k = gpu.kernels;
  const c = cpuBackend.kernels;
  if (!k.matmul || !k.conv2d || !k.conv2dBackpropInput || !k.conv2dBackpropFilter || !c.matmul || !c.conv2d || !c.conv2dBackpropInput || !c.conv2dBackpropFilter) {
    throw new Error(`self-test: backend ${gpu.name} or cpu lacks matmul/conv kernels`);
  }
  const rng = new Rng(7);
  const out: SelfTestCase[] = [];
  const check = (kernel: string, shape: string, got: Float32Array, want: Float32Array, reduction: number) => {
    const maxAbsError = maxAbsDiff(got, want);
    const tolerance = 2e-6 * (1 + reduction) * Math.max(1, maxAbs(want));
    out.push({ kernel, shape, maxAbsError, tolerance, pass: maxAbsError <= tolerance });
  };
  const [m, kk, n] = [33, 70, 41];
  const a = randomArray(rng, m * kk);
  const b = randomArray(rng, kk * n);
  check('matmul', `${m}×${kk} · ${kk}×${n}`, k.matmul(a, b, m, kk, n), c.matmul(a, b, m, kk, n), kk);
  const xShape = [2, 3, 9, 9];
  const wShape = [4, 3, 3, 3];
  const g = conv2dGeometry(xShape, wShape, { padding: 1 });
  const x = randomArray(rng, 2 * 3 * 9 * 9);
  const w = randomArray(rng, 4 * 3 * 3 * 3);
  const dy = randomArray(rng, g.batch * g.outChannels * g.outHeight * g.outWidth);
  const shape = `x ${xShape.join('×')}, w ${wShape.join('×')}, pad 1`;
  check('conv2d', shape, k.conv2d(x, w, g), c.conv2d(x, w, g), 27);
  check('conv2dBackpropInput', shape, k.conv2dBackpropInput(dy, w, g), c.conv2dBackpropInput(dy, w, g), 36);
  check('conv2dBackpropFilter', shape, k.conv2dBackpropFilter(x, dy, g), c.conv2dBackpropFilter(x, dy, g), 2 * 81);
  return out;
}
