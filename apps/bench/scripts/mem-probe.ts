/**
 * Peak-memory probe for one training workload: runs `steps` training steps in this (fresh) process and
 * prints, per step, process.memoryUsage() at the end of forward and of backward, and at the end the
 * process's maxRSS. Under `node --expose-gc` it instead reports the ArrayBuffer bytes live at the end
 * of forward ("graph": what the graph and its saved tensors hold, plus the model and Adam state).
 *
 *   tsx --conditions=source apps/bench/scripts/mem-probe.ts [engine=gapkit-auto] [steps=13] [--json]
 *   node --expose-gc --import tsx --conditions=source apps/bench/scripts/mem-probe.ts gapkit-wasm 3
 *
 * Run it several times per configuration (peak RSS depends on when V8 collects) and compare medians;
 * `mem-probe-runs.ts` does that.
 */
import v8 from 'node:v8';
import { crossEntropy, Rng, Tensor } from '@gapkit/autodiff';
import { resnet } from '@gapkit/model-zoo';
import { Adam } from '@gapkit/optimizers';
import { createGapkitEngine } from '../src/gapkit-engine.js';
import { randomData } from '../src/random-data.js';

const MiB = 2 ** 20;
const engineName = process.argv[2] ?? 'gapkit-auto';
const steps = Number(process.argv[3] ?? 13);
const json = process.argv.includes('--json');
const batch = 64;

const mem0 = process.memoryUsage().rss / MiB;
const engine = await createGapkitEngine(engineName);
const memEngine = process.memoryUsage().rss / MiB;
const rng = new Rng(42);
const model = resnet({}, rng).train();
const opt = new Adam(model.parameters(), { lr: 1e-3 });
const x = new Tensor(randomData(batch * 3 * 32 * 32, 1), [batch, 3, 32, 32]);
const labels = Int32Array.from({ length: batch }, (_, i) => (i * 7) % 10);

/**
 * With `node --expose-gc` (`--live`, a measuring aid only: it changes when V8 collects, so maxRSS of such
 * a run means nothing): collects after forward, so arrayBuffers is then exactly what the graph keeps.
 */
const gc = (globalThis as { gc?: () => void }).gc;
function liveAfterForward(): number {
  if (gc === undefined) return Number.NaN;
  gc();
  return process.memoryUsage().arrayBuffers / MiB;
}

const mem = () => {
  const m = process.memoryUsage();
  return { rss: m.rss / MiB, heap: m.heapUsed / MiB, ext: m.external / MiB, ab: m.arrayBuffers / MiB };
};
const fmt = (m: ReturnType<typeof mem>) => `rss ${m.rss.toFixed(0)} heap ${m.heap.toFixed(0)} ext ${m.ext.toFixed(0)} ab ${m.ab.toFixed(0)}`;

const memModel = process.memoryUsage().rss / MiB;
const rows: Array<{ fwd: ReturnType<typeof mem>; bwd: ReturnType<typeof mem>; graph: number; ms: number }> = [];
for (let s = 0; s < steps; s++) {
  const t0 = performance.now();
  model.zeroGrad();
  const loss = crossEntropy(model.forward(x), labels);
  const fwd = mem();
  const graph = liveAfterForward();
  loss.backward();
  const bwd = mem();
  opt.step();
  if (!Number.isFinite(loss.item())) throw new Error('loss not finite');
  rows.push({ fwd, bwd, graph, ms: performance.now() - t0 });
}
const maxRss = process.resourceUsage().maxRSS / 1024;
const describe = engine.describe();
const wasmMiB = describe['wasm.wasm.memoryMiB'] ?? describe['wasm.memoryMiB'] ?? '-';
if (json) {
  console.log(JSON.stringify({ engine: engineName, maxRss, mem0, memEngine, memModel, wasmMiB, rows }));
} else {
  for (const [i, r] of rows.entries()) {
    console.log(`step ${i}: ${r.ms.toFixed(0)} ms | graph ${r.graph.toFixed(1)} MiB | fwd ${fmt(r.fwd)} | bwd ${fmt(r.bwd)}`);
  }
  console.log(`rss: start ${mem0.toFixed(0)}, engine ${memEngine.toFixed(0)}, model ${memModel.toFixed(0)}; v8 heap total ${(v8.getHeapStatistics().total_heap_size / MiB).toFixed(0)} MiB`);
  console.log(`${engineName}: maxRSS ${maxRss.toFixed(1)} MiB, wasm memory ${wasmMiB} MiB`);
}
engine.dispose();
process.exit(0);
