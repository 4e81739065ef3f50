import { describeBackend, withBackend } from '@gapkit/autodiff';
import { describe, expect, it } from 'vitest';
import { BACKEND_NAMES, createBackend } from '../src/factory.js';
import { createGpuJsBackend } from '../src/gpu.js';
import { KernelCache } from '../src/kernel-cache.js';

describe('gpu.js backend lifecycle', () => {
  it('compiles once per shape and reuses the kernel', () => {
    const b = createGpuJsBackend({ mode: 'cpu' });
    const a = new Float32Array(6).fill(1);
    for (let i = 0; i < 3; i++) b.kernels.matmul!(a, a, 2, 3, 2);
    b.kernels.matmul!(a, a, 3, 2, 3);
    expect(b.describe()['gpujs.compiles']).toBe('2');
    b.dispose();
    expect(() => b.kernels.matmul!(a, a, 2, 3, 2)).toThrow(/after dispose/);
  });

  it('the LRU destroys what it evicts', () => {
    const destroyed: string[] = [];
    const cache = new KernelCache(2);
    const fake = (id: string) => () => ({ run: () => new Float32Array(0), executor: () => id, fallbackReason: () => null, destroy: () => destroyed.push(id) });
    cache.get('a', fake('a'));
    cache.get('b', fake('b'));
    cache.get('a', fake('a2'));
    cache.get('c', fake('c'));
    expect(destroyed).toEqual(['b']);
    expect(cache.size).toBe(2);
  });

  it('createBackend knows every name, reports the mode, and refuses unknown modes', () => {
    expect(BACKEND_NAMES).toContain('gpujs-webasm');
    const b = createBackend('gpujs-cpu');
    withBackend(b, () => {
      const d = describeBackend();
      expect(d.backend).toBe('gpujs-cpu');
      expect(d['gpujs.mode']).toBe('cpu');
      expect(d['kernel.matmul']).toBe('gpujs-cpu');
    });
    b.dispose();
    expect(() => createBackend('gpujs-nope' as 'gpujs-cpu')).toThrow(/unknown gpu.js mode/);
  });
});
