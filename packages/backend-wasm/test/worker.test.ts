import { randomArray } from '@gapkit/testing';
import { describe, expect, it } from 'vitest';
import { buildWorkerBundle } from '../scripts/worker-bundle.js';
import { createWasmBackend, isThreadedWasmSupported, ThreadedWasm } from '../src/node/index.js';
import { threadedWasmUnsupportedReason } from '../src/threaded/threaded-wasm.js';
import { WORKER_BUNDLE } from '../src/threaded/worker-bundle.generated.js';

describe('the worker program', () => {
  it('is the committed bundle of worker-main.ts (run `pnpm --filter @gapkit/backend-wasm build:worker` after changing it)', async () => {
    expect(WORKER_BUNDLE).toBe(await buildWorkerBundle());
  });

  it('is a module bundle, not source text read back from functions', () => {
    expect(WORKER_BUNDLE).toContain('var gapkitWorker = ');
    expect(WORKER_BUNDLE).toContain('function workerMain(');
    expect(WORKER_BUNDLE).not.toMatch(/require\(|import\(|node:|worker_threads/);
  });

  it('joins the work: a big split matmul runs units on the worker once it is ready', () => {
    const engine = new ThreadedWasm();
    try {
      const deadline = Date.now() + 20_000;
      while (!engine.workerReady && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      expect(engine.workerReady).toBe(true);
      const a = randomArray(384 * 384, 1);
      const mm = engine.kernels(true).matmul!;
      // The worker may be descheduled on a loaded machine; it has many chances to claim a unit.
      for (let i = 0; i < 20 && engine.workerUnits === 0; i++) mm(a, a, 384, 384, 384);
      expect(engine.workerUnits).toBeGreaterThan(0);
    } finally {
      engine.dispose();
    }
  });
});

describe('thread hosts', () => {
  it('the Node entry installs worker_threads', () => {
    expect(isThreadedWasmSupported()).toBe(true);
    expect(threadedWasmUnsupportedReason()).toBeNull();
    const b = createWasmBackend({ threads: 2 });
    expect(b.describe().threads).toBe('2 (main + Node worker_threads)');
    b.dispose();
  });
});
