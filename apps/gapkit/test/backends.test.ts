import { cpuBackend, describeBackend, getBackend, setBackend } from '@gapkit/autodiff';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../src/command.js';
import { command } from '../src/commands/backends.js';
import { activateBackend } from '../src/train/backend-option.js';

afterEach(() => {
  setBackend(cpuBackend);
  vi.restoreAllMocks();
});

describe('gapkit backends', () => {
  it('reports every backend, available or with the reason it is not, and leaves the cpu backend active', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
      lines.push(a.join(' '));
    });
    expect(await command.run([])).toBe(0);
    const heads = lines.filter((l) => !l.startsWith(' '));
    for (const name of ['auto', 'cpu', 'cpu-reference', 'wasm', 'wasm-2t', 'gpujs-cpu', 'gpujs-webasm']) expect(heads).toContain(`${name}: available`);
    // headless-gl needs the native `gl` build and a display; either way the line says which.
    expect(heads.some((l) => /^gpujs-headlessgl: (available|unavailable — .+)$/.test(l))).toBe(true);
    expect(lines).toContain('    kernel.matmul: wasm');
    expect(lines).toContain('    threads: 2 (main + Node worker_threads)');
    expect(lines).toContain('    plan: {}');
    expect(getBackend()).toBe(cpuBackend);
  });

  it('rejects arguments', async () => {
    await expect(command.run(['extra'])).rejects.toThrow(UsageError);
  });
});

describe('--backend', () => {
  it('activates the named backend and says which implementation serves each kernel', async () => {
    const { backend, summary } = await activateBackend('cpu-reference');
    expect(getBackend()).toBe(backend);
    expect(describeBackend().backend).toBe('cpu-reference');
    expect(summary).toBe(
      'backend cpu-reference (matmul=cpu-reference, conv2d=cpu-reference, conv2dBackpropInput=cpu-reference, conv2dBackpropFilter=cpu-reference)',
    );
  });

  it('names the choices when the backend is unknown', async () => {
    await expect(activateBackend('gpu')).rejects.toThrow(/--backend must be one of auto, cpu, .* got 'gpu'/);
  });

  it('accepts every name of the one backend list, wasm-2t included, and a plan only for auto', async () => {
    const { backend } = await activateBackend('wasm-2t');
    expect(describeBackend().backend).toBe('wasm-2t');
    setBackend(cpuBackend);
    backend.dispose();
    await expect(activateBackend('cpu', { plan: {} })).rejects.toThrow(/a backend plan is for --backend auto, not 'cpu'/);
  });
});
