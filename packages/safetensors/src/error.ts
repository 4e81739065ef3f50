/** Every problem with a safetensors file or with tensors given to the writer. */
export class SafetensorsError extends Error {
  override name = 'SafetensorsError';
}
