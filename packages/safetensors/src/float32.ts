/** Convenience for the common case: a file of Float32Array tensors (model weights, optimizer state). */
import { decodeSafetensors } from './decode.js';
import { encodeSafetensors } from './encode.js';
import { SafetensorsError } from './error.js';
import type { SafeTensor, SafetensorsMetadata } from './tensor.js';

/** A float32 tensor: its shape and row-major elements. */
export interface Float32Tensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** Encodes float32 tensors (and optional metadata) as a safetensors file. */
export function encodeFloat32Safetensors(tensors: Record<string, Float32Tensor>, metadata?: SafetensorsMetadata | null): Uint8Array {
  const all: Record<string, SafeTensor> = Object.create(null);
  for (const [name, t] of Object.entries(tensors)) all[name] = { dtype: 'F32', shape: t.shape, data: t.data };
  return encodeSafetensors(all, metadata);
}

/**
 * Decodes a file whose tensors are all F32.
 * @throws SafetensorsError naming the first tensor of another dtype, besides every check of decodeSafetensors.
 */
export function decodeFloat32Safetensors(bytes: Uint8Array, source = 'safetensors'): { tensors: Record<string, Float32Tensor>; metadata: SafetensorsMetadata | null } {
  const file = decodeSafetensors(bytes, source);
  const tensors: Record<string, Float32Tensor> = Object.create(null);
  for (const [name, t] of Object.entries(file.tensors)) {
    if (t.dtype !== 'F32') throw new SafetensorsError(`${source}: tensor '${name}' is ${t.dtype}; expected F32`);
    tensors[name] = { shape: t.shape, data: t.data };
  }
  return { tensors, metadata: file.metadata };
}
