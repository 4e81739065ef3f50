/** Compiled kernels keyed by (kernel, shape signature), least recently used evicted and destroyed. */
import type { CompiledKernel } from './gpu-handle.js';

/** A small LRU of compiled gpu.js kernels. */
export class KernelCache {
  private readonly entries = new Map<string, CompiledKernel>();
  private readonly capacity: number;
  /** Kernels compiled so far (misses). */
  compiles = 0;

  constructor(capacity = 64) {
    this.capacity = capacity;
  }

  /** The kernel for `key`, compiling it with `make` on a miss. */
  get(key: string, make: () => CompiledKernel): CompiledKernel {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const k = make();
    this.compiles++;
    this.entries.set(key, k);
    if (this.entries.size > this.capacity) {
      const [oldKey, old] = this.entries.entries().next().value as [string, CompiledKernel];
      this.entries.delete(oldKey);
      old.destroy();
    }
    return k;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every cached kernel, most recently used last. */
  values(): IterableIterator<[string, CompiledKernel]> {
    return this.entries.entries();
  }

  clear(): void {
    for (const k of this.entries.values()) k.destroy();
    this.entries.clear();
  }
}
