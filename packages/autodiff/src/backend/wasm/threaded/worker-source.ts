/**
 * The worker thread's program, assembled from the very functions the main thread runs
 * (`Function.prototype.toString` of self-contained functions), so there is no second copy of the
 * packing code and no separate worker file to resolve under tsx, vitest or a build.
 *
 * Shared Int32Array `ctl`: [0] wake flag (main sets 1, worker clears), [1] seq of the last task the
 * worker finished, [2] worker ready, [3] shared work counter, [4] claim word `seq·4 + state` (state 0
 * posted, 1 claimed by the worker, 2 closed by the main thread because it finished every unit before
 * the worker woke). Tasks and replies travel on a MessagePort read synchronously with
 * `receiveMessageOnPort`, because both sides block in `Atomics.wait` rather than run an event loop.
 */
import { col2imAdd, columnCoords, im2colPackB, im2colPackBT, packActivationsA, packActivationsB, unpackToNchw } from '../../gemm/im2col-pack.js';
import { gemmPanels, runImplicitTask, runRangeTask } from './ranges.js';

/** The worker's source text (CommonJS script for `new Worker(src, { eval: true })`). */
export function workerSource(): string {
  const functions = [columnCoords, im2colPackB, im2colPackBT, col2imAdd, packActivationsA, packActivationsB, unpackToNchw, gemmPanels, runRangeTask, runImplicitTask];
  return `"use strict";
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const NEXT_UNIT = 3;
${functions.map((f) => f.toString()).join('\n\n')}
const ops = { im2colPackB, im2colPackBT, col2imAdd, packActivationsA, packActivationsB, unpackToNchw };
const { memory, moduleBytes, control, port } = workerData;
const instance = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes), { env: { memory } });
const block = instance.exports.block;
const conv = instance.exports.conv;
const ctl = new Int32Array(control);
Atomics.store(ctl, 2, 1);
Atomics.notify(ctl, 2);
for (;;) {
  Atomics.wait(ctl, 0, 0);
  Atomics.store(ctl, 0, 0);
  let task;
  for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) task = m.message;
  if (task === undefined) continue;
  if (task.kind === 'exit') break;
  if (Atomics.compareExchange(ctl, 4, task.seq * 4, task.seq * 4 + 1) !== task.seq * 4) continue;
  let error = '';
  let units = 0;
  try {
    units = runRangeTask(task, block, conv, new Float32Array(memory.buffer), ops, gemmPanels, ctl);
  } catch (e) {
    error = String((e && e.stack) || e);
  }
  port.postMessage({ seq: task.seq, error, units });
  Atomics.store(ctl, 1, task.seq);
  Atomics.notify(ctl, 1);
}
`;
}
