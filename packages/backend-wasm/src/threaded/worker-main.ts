/**
 * The worker thread's program. `scripts/build-worker.ts` bundles this module (with `ranges.ts` and the
 * packing helpers of @gapkit/autodiff) into one script, committed as `worker-bundle.generated.ts`; a
 * test checks it is current. A thread host starts it with a two-line bootstrap that hands over the
 * `WorkerInit` (Node: `workerData`; browser: the first message).
 *
 * The worker sleeps in `Atomics.wait` on `ctl[wake]`; a task is claimed by a compare-exchange on the
 * claim word (so a task the main thread already closed is skipped), read from the control array, run,
 * and answered by `ctl[done] = seq` (units and any error text in their slots).
 */
import type { WasmApi } from '../wasm/wasm-runtime.js';
import { type BlockFn, type ConvFn, CTL, readTask, runRangeTask } from './ranges.js';
import type { WorkerInit } from './thread-host.js';

export function workerMain(init: WorkerInit): void {
  const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const instance = new api.Instance(new api.Module(init.moduleBytes), { env: { memory: init.memory } });
  const block = instance.exports.block as BlockFn;
  const conv = instance.exports.conv as ConvFn;
  const ctl = new Int32Array(init.control);
  Atomics.store(ctl, CTL.ready, 1);
  Atomics.notify(ctl, CTL.ready);
  for (;;) {
    Atomics.wait(ctl, CTL.wake, 0);
    Atomics.store(ctl, CTL.wake, 0);
    if (Atomics.load(ctl, CTL.exit) === 1) break;
    const claim = Atomics.load(ctl, CTL.claim);
    if ((claim & 3) !== 0 || Atomics.compareExchange(ctl, CTL.claim, claim, claim + 1) !== claim) continue;
    const task = readTask(ctl);
    let units = 0;
    let error = '';
    try {
      units = runRangeTask(task, block, conv, new Float32Array(init.memory.buffer), ctl);
    } catch (e) {
      error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    }
    const length = Math.min(error.length, CTL.errorMax);
    for (let i = 0; i < length; i++) ctl[CTL.errorText + i] = error.charCodeAt(i);
    ctl[CTL.errorLength] = length;
    ctl[CTL.workerUnits] = units;
    Atomics.store(ctl, CTL.done, task.seq);
    Atomics.notify(ctl, CTL.done);
  }
}
