/**
 * The size class of a kernel call: the key under which `auto` times candidates and records its choice
 * (`kernel:key` in a plan). Dimensions are bucketed to the nearest power of two, so similar sizes share
 * one decision. matmul and the convolutions have readable keys; any other kernel gets a generic one
 * from its numeric and boolean arguments, so a new kernel needs no entry here.
 */
import type { Conv2dGeometry, KernelName, MatmulOptions } from '@gapkit/autodiff';

/** Power-of-two bucket of a dimension. */
export function bucket(n: number): number {
  return n <= 1 ? n : 2 ** Math.round(Math.log2(n));
}

function convKey(g: Conv2dGeometry): string {
  return [g.batch, g.inChannels, g.inHeight, g.inWidth, g.outChannels, g.kernelH, g.kernelW, g.strideH, g.strideW].map(bucket).join('x');
}

function matmulKey(m: number, k: number, n: number, opts: MatmulOptions | undefined): string {
  return `${bucket(m)}x${bucket(k)}x${bucket(n)}${opts?.transA ? 'tA' : ''}${opts?.transB ? 'tB' : ''}`;
}

/** Numbers (bucketed) and true flags of the arguments and of plain objects among them; arrays are data. */
function genericKey(args: readonly unknown[]): string {
  const parts: string[] = [];
  const add = (v: unknown, name: string): void => {
    if (typeof v === 'number') parts.push(String(bucket(v)));
    else if (v === true) parts.push(name);
  };
  args.forEach((a, i) => {
    if (a !== null && typeof a === 'object' && !ArrayBuffer.isView(a) && !Array.isArray(a)) {
      for (const [k, v] of Object.entries(a)) add(v, k);
    } else add(a, `arg${i}`);
  });
  return parts.join('x');
}

/** The size-class key of a call of `name` with `args`. */
export function sizeClassKey(name: KernelName, args: readonly unknown[]): string {
  switch (name) {
    case 'matmul':
      return matmulKey(args[2] as number, args[3] as number, args[4] as number, args[5] as MatmulOptions | undefined);
    case 'conv2d':
    case 'conv2dBackpropInput':
    case 'conv2dBackpropFilter':
      return convKey(args[2] as Conv2dGeometry);
    default:
      return genericKey(args);
  }
}
