/**
 * Element values of any tensor as float64 numbers: F16 (IEEE 754 binary16), BF16 (the top half of a
 * float32), FP8 E4M3 (bias 7, no infinities, S.1111.111 is NaN) and FP8 E5M2 (bias 15, IEEE-like) are
 * decoded from their bits; 64-bit integers convert exactly up to 2^53.
 */
import type { SafeTensor } from './tensor.js';

/** IEEE 754 binary16 bits → number. */
export function float16ToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

const BF16_SCRATCH = new Float32Array(1);
const BF16_BITS = new Uint32Array(BF16_SCRATCH.buffer);

/** bfloat16 bits → number. */
export function bfloat16ToNumber(bits: number): number {
  BF16_BITS[0] = (bits & 0xffff) << 16;
  return BF16_SCRATCH[0];
}

/** FP8 E4M3 (the "FN" variant: finite only, NaN at 0x7f / 0xff) bits → number. */
export function float8e4m3ToNumber(bits: number): number {
  const sign = bits & 0x80 ? -1 : 1;
  const exp = (bits >> 3) & 0xf;
  const frac = bits & 0x7;
  if (exp === 0xf && frac === 0x7) return Number.NaN;
  if (exp === 0) return sign * frac * 2 ** -9;
  return sign * (1 + frac / 8) * 2 ** (exp - 7);
}

/** FP8 E5M2 bits → number. */
export function float8e5m2ToNumber(bits: number): number {
  const sign = bits & 0x80 ? -1 : 1;
  const exp = (bits >> 2) & 0x1f;
  const frac = bits & 0x3;
  if (exp === 0) return sign * frac * 2 ** -16;
  if (exp === 0x1f) return frac === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * (1 + frac / 4) * 2 ** (exp - 15);
}

/** The tensor's elements as float64 numbers, row-major. */
export function toFloat64(t: SafeTensor): Float64Array {
  const out = new Float64Array(t.data.length);
  switch (t.dtype) {
    case 'F16':
      for (let i = 0; i < out.length; i++) out[i] = float16ToNumber(t.data[i]);
      return out;
    case 'BF16':
      for (let i = 0; i < out.length; i++) out[i] = bfloat16ToNumber(t.data[i]);
      return out;
    case 'F8_E4M3':
      for (let i = 0; i < out.length; i++) out[i] = float8e4m3ToNumber(t.data[i]);
      return out;
    case 'F8_E5M2':
      for (let i = 0; i < out.length; i++) out[i] = float8e5m2ToNumber(t.data[i]);
      return out;
    case 'I64':
    case 'U64':
      for (let i = 0; i < out.length; i++) out[i] = Number(t.data[i]);
      return out;
    default:
      for (let i = 0; i < out.length; i++) out[i] = t.data[i];
      return out;
  }
}
