/**
 * The browser's thread host, exercised in Node: a stand-in `Worker` runs the Blob URL's script in a
 * Node worker thread behind a `self.onmessage` shim, so the page path — the Blob of the bundled
 * program, the init message, a main thread that spins instead of blocking — runs end to end. What it
 * cannot show is a real browser's scheduling; it does show the protocol and the bytes.
 */
import { resolveObjectURL } from 'node:buffer';
import { Worker as NodeWorker } from 'node:worker_threads';
import { referenceKernels } from '@gapkit/autodiff';
import { convGeometry, convSizes, expectParity, randomArray } from '@gapkit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { installThreadHost, type ThreadHost } from '../src/threaded/thread-host.js';
import { ThreadedWasm, threadedWasmUnsupportedReason } from '../src/threaded/threaded-wasm.js';
import { webWorkerHost } from '../src/threaded/web-worker-host.js';
import { createWasmBackend } from '../src/wasm/wasm-backend.js';

const g = globalThis as unknown as Record<string, unknown>;
const saved = { crossOriginIsolated: g.crossOriginIsolated, Worker: g.Worker, document: g.document };

/** A page-like `Worker`: fetches its Blob URL's script and runs it with `self.onmessage` wired to a Node worker's port. */
class BlobUrlWorker {
  private readonly worker: NodeWorker;
  private readonly ready: Promise<void>;

  constructor(url: string) {
    const shim = `const { parentPort } = require('node:worker_threads');
globalThis.self = { set onmessage(f) { if (f) parentPort.once('message', (data) => f({ data })); } };\n`;
    this.worker = new NodeWorker('const { parentPort } = require("node:worker_threads"); parentPort.once("message", (src) => { eval(src); });', { eval: true });
    this.worker.unref();
    const blob = resolveObjectURL(url);
    if (blob === undefined) throw new Error(`BlobUrlWorker: no Blob behind ${url}`);
    this.ready = blob.text().then((text) => this.worker.postMessage(shim + text));
  }

  postMessage(message: unknown): void {
    void this.ready.then(() => this.worker.postMessage(message));
  }

  terminate(): void {
    void this.worker.terminate();
  }
}

afterEach(() => {
  g.crossOriginIsolated = saved.crossOriginIsolated;
  g.Worker = saved.Worker;
  if (saved.document === undefined) delete g.document;
});

describe('Web Worker thread host', () => {
  it('is there only on a cross-origin isolated page', () => {
    g.crossOriginIsolated = false;
    g.Worker = BlobUrlWorker;
    expect(webWorkerHost()).toBeUndefined();
    g.crossOriginIsolated = true;
    expect(webWorkerHost()?.kind).toBe('Web Worker over SharedArrayBuffer');
    expect(webWorkerHost()?.mainCanWait).toBe(false);
  });

  it('runs the two-thread engine: worker started from a Blob, init by message, main thread spinning', async () => {
    g.crossOriginIsolated = true;
    g.Worker = BlobUrlWorker;
    const host = webWorkerHost() as ThreadHost;
    installThreadHost(host);
    const engine = new ThreadedWasm();
    try {
      const deadline = Date.now() + 20_000;
      while (!engine.workerReady && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(engine.workerReady).toBe(true);
      const k = engine.kernels(true);
      const a = randomArray(256 * 256, 1);
      for (let i = 0; i < 20 && engine.workerUnits === 0; i++) expectParity(k.matmul(a, a, 256, 256, 256), referenceKernels.matmul(a, a, 256, 256, 256), 256);
      expect(engine.workerUnits).toBeGreaterThan(0);
      const cg = convGeometry({ batch: 8, inChannels: 16, inHeight: 16, inWidth: 16, outChannels: 16, kernelH: 3, kernelW: 3, padH: 1, padW: 1 });
      const s = convSizes(cg);
      const x = randomArray(s.x, 2);
      const dy = randomArray(s.y, 3);
      expectParity(k.conv2dBackpropFilter(x, dy, cg), referenceKernels.conv2dBackpropFilter(x, dy, cg), 8 * 256);
    } finally {
      engine.dispose();
    }
  });

  it('a page that is not cross-origin isolated gets wasm-2t on one thread, and describe() says why', async () => {
    const { nodeThreadHost } = await import('../src/node/node-thread-host.js');
    g.crossOriginIsolated = false;
    g.document = {};
    installThreadHost(undefined); // as on a page: nothing installed
    try {
      expect(threadedWasmUnsupportedReason()).toMatch(/not cross-origin isolated/);
      const b = createWasmBackend({ threads: 2 });
      expect(b.name).toBe('wasm-2t');
      expect(b.describe().threads).toMatch(/^1 \(this page is not cross-origin isolated/);
      b.dispose();
    } finally {
      installThreadHost(nodeThreadHost);
    }
  });
});
