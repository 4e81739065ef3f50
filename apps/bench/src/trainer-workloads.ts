/**
 * `pnpm bench` rows for the trainer itself (`trainer-resnet8-b64`, `trainer-ncf-b1024`): steps/s of
 * `@gapkit/trainer`'s loop — batch planning, data assembly and augmentation, forward, backward, the
 * optimizer (its atomic gradient check), the step snapshot, diagnostics and a metrics line every 10 steps,
 * a safetensors checkpoint every 50 — beside the raw step (forward, backward, Adam on one fixed
 * batch, as the `train-*` rows time it), and a profile of where the trainer's time goes. The
 * trainer's own overhead is its time over the sum of the phases a hand-written loop also pays
 * (data, augmentation, forward, backward, optimizer); the target is < 5 %.
 *
 * Runs in the bench process on the default backend (`auto`), after the engine children are done.
 * The data are synthetic with the real shapes (CIFAR-10 images 3×32×32, 10 classes; MovieLens-1M's
 * 6,040 users × 3,706 items for NCF): the trainer reads files once at start, never per step.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bceWithLogits, crossEntropy, Rng, setBackend, Tensor, tensor } from '@gapkit/autodiff';
import { Batcher, CIFAR_AUGMENTATION, CIFAR10_NORMALIZATION, type ImageDataset, trainingInstances, UserItemIndex } from '@gapkit/data';
import { encodeFloat32Safetensors } from '@gapkit/safetensors';
import { captureCheckpoint, type ClassifierData, parseTrainConfig, syntheticNcfData, type TaskData, Trainer, type TrainConfigInput } from '@gapkit/trainer';
import { median } from './stats.js';

export interface TrainerWorkload {
  readonly name: string;
  readonly model: 'resnet8' | 'ncf';
  readonly batch: number;
}

export const TRAINER_WORKLOADS: readonly TrainerWorkload[] = [
  { name: 'trainer-resnet8-b64', model: 'resnet8', batch: 64 },
  { name: 'trainer-ncf-b1024', model: 'ncf', batch: 1024 },
];

export const TRAINER_WORKLOAD_NAMES = TRAINER_WORKLOADS.map((w) => w.name);

const LOG_EVERY = 10;
const CHECKPOINT_EVERY = 50;

function syntheticCifar(n: number, seed: number): ImageDataset {
  const rng = new Rng(seed);
  const images = new Uint8Array(n * 3 * 32 * 32);
  for (let i = 0; i < images.length; i++) images[i] = Math.floor(rng.uniform() * 256);
  const labels = Int32Array.from({ length: n }, (_, k) => k % 10);
  return { images, labels, n, channels: 3, height: 32, width: 32, classNames: Array.from({ length: 10 }, (_, c) => `c${c}`) };
}

function setup(w: TrainerWorkload): { config: TrainConfigInput; data: TaskData } {
  if (w.model === 'resnet8') {
    const data: ClassifierData = { kind: 'classifier', train: syntheticCifar(w.batch * 40, 1), test: syntheticCifar(w.batch, 2), normalization: CIFAR10_NORMALIZATION, augmentation: CIFAR_AUGMENTATION };
    return { config: { model: { name: 'resnet', options: {} }, dataset: { name: 'cifar10', augment: true }, optimizer: { name: 'adam', options: { lr: 1e-3 } }, batchSize: w.batch, epochs: 1000, logEvery: LOG_EVERY, backend: 'auto' }, data };
  }
  const data = syntheticNcfData(3, { numUsers: 6040, numItems: 3706, minPerUser: 5, maxPerUser: 12 });
  return {
    config: { model: { name: 'ncf-mlp', options: { embeddingDim: 32, tower: [64, 32, 16] } }, dataset: { name: 'synthetic-implicit', numNegatives: 4 }, optimizer: { name: 'adam', options: { lr: 1e-3 } }, batchSize: w.batch, epochs: 1000, logEvery: LOG_EVERY, backend: 'auto' },
    data,
  };
}

/** Phase times of one hand-written step, ms. */
type Phases = Record<'data' | 'augmentation' | 'forward' | 'backward' | 'optimizer', number>;

export interface TrainerMeasurement {
  readonly workload: string;
  readonly parameters: number;
  /** ms per step of the trainer's loop (median over blocks of steps). */
  readonly trainerMs: number;
  /** ms per step of the hand loop (data, augmentation, forward, backward, optimizer; median over blocks). */
  readonly handMs: number;
  /** CPU ms per step (this process, every thread) of the trainer and of the hand loop. */
  readonly trainerCpuMs: number;
  readonly handCpuMs: number;
  /** ms per raw step (fixed batch: forward, backward, Adam). */
  readonly rawMs: number;
  /** Means of the hand loop's phases, ms per step. */
  readonly phases: Phases;
  /** The trainer's own extras, ms per step: metrics line, checkpoint (NaN: none in the timed steps) and epoch planning, each amortized over its cadence. */
  readonly extras: { metrics: number; checkpoint: number; planning: number };
}

const now = () => performance.now();
/** CPU time of this process (every thread, user + system), ms: less sensitive than wall time to other processes on a shared machine. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** A trainer with a listener like `gapkit train`'s (a metrics line every 10 steps appended to a file, a checkpoint every 50) and a timer of blocks of its steps. */
function trainerRig(w: TrainerWorkload, dir: string): { trainer: Trainer; block(steps: number): { wall: number; cpu: number }; metricsMs: number[]; checkpointMs: number[] } {
  const { config, data } = setup(w);
  const t = new Trainer(parseTrainConfig(config, w.name), data);
  const metricsMs: number[] = [];
  const checkpointMs: number[] = [];
  const listener = {
    onStep: (r: object) => {
      const t0 = now();
      appendFileSync(join(dir, 'metrics.jsonl'), `${JSON.stringify(r)}\n`);
      metricsMs.push(now() - t0);
    },
  };
  t.run(listener, 3); // warm-up: first epoch planned, kernels calibrated
  const block = (steps: number): { wall: number; cpu: number } => {
    const t0 = now();
    const c0 = cpuMs();
    const until = t.step + steps;
    while (t.step < until) {
      t.run(listener, Math.min(until, t.step + CHECKPOINT_EVERY - (t.step % CHECKPOINT_EVERY)));
      if (t.step % CHECKPOINT_EVERY === 0) {
        const c0 = now();
        const c = captureCheckpoint(t);
        writeFileSync(join(dir, 'ckpt.safetensors'), encodeFloat32Safetensors(c.tensors, { format: 'pt' }));
        writeFileSync(join(dir, 'ckpt.json'), JSON.stringify(c.meta));
        checkpointMs.push(now() - c0);
      }
    }
    return { wall: (now() - t0) / steps, cpu: (cpuMs() - c0) / steps };
  };
  return { trainer: t, block, metricsMs, checkpointMs };
}

/** A hand-written loop on a trainer's own model, optimizer and data, each phase timed. */
function handLoop(t: Trainer, w: TrainerWorkload, steps: number): { phases: Phases; planning: number; msPerStep: number; cpuPerStep: number } {
  const wall0 = now();
  const cpu0 = cpuMs();
  const rec: Record<keyof Phases, number[]> = { data: [], augmentation: [], forward: [], backward: [], optimizer: [] };
  const opt = t.optimizer;
  const rng = new Rng(5);
  let planning = 0;
  if (t.data.kind === 'classifier') {
    const d = t.data;
    const plain = new Batcher(d.train, { batchSize: w.batch, rng, normalize: d.normalization });
    const aug = new Batcher(d.train, { batchSize: w.batch, rng, normalize: d.normalization, augment: d.augmentation });
    const model = t.model as unknown as { forward(x: Tensor): Tensor };
    for (let s = 0; s < steps; s++) {
      const idx = Int32Array.from({ length: w.batch }, (_, i) => (s * w.batch + i) % d.train.n);
      let t0 = now();
      plain.batch(idx);
      rec.data.push(now() - t0);
      t0 = now();
      const b = aug.batch(idx);
      rec.augmentation.push(Math.max(0, now() - t0 - (rec.data.at(-1) ?? 0)));
      opt.zeroGrad();
      t0 = now();
      const loss = crossEntropy(model.forward(tensor(b.x, b.shape)), b.y, { reduction: 'mean' });
      loss.item();
      rec.forward.push(now() - t0);
      t0 = now();
      loss.backward();
      rec.backward.push(now() - t0);
      t0 = now();
      opt.step();
      rec.optimizer.push(now() - t0);
    }
  } else {
    const d = t.data;
    const p0 = now();
    const inst = trainingInstances(d.train, 4, rng, new UserItemIndex(d.train));
    planning = (now() - p0) / t.stepsPerEpoch;
    const model = t.model as unknown as { forward(u: Int32Array, i: Int32Array): Tensor };
    for (let s = 0; s < steps; s++) {
      let t0 = now();
      const users = new Int32Array(w.batch);
      const items = new Int32Array(w.batch);
      const labels = new Float32Array(w.batch);
      for (let k = 0; k < w.batch; k++) {
        const j = (s * w.batch + k) % inst.n;
        users[k] = inst.users[j];
        items[k] = inst.items[j];
        labels[k] = inst.labels[j];
      }
      rec.data.push(now() - t0);
      rec.augmentation.push(0);
      opt.zeroGrad();
      t0 = now();
      const loss = bceWithLogits(model.forward(users, items), labels, { reduction: 'mean' });
      loss.item();
      rec.forward.push(now() - t0);
      t0 = now();
      loss.backward();
      rec.backward.push(now() - t0);
      t0 = now();
      opt.step();
      rec.optimizer.push(now() - t0);
    }
  }
  const msPerStep = (now() - wall0) / steps;
  const cpuPerStep = (cpuMs() - cpu0) / steps;
  const phases: Phases = { data: mean(rec.data), augmentation: mean(rec.augmentation), forward: mean(rec.forward), backward: mean(rec.backward), optimizer: mean(rec.optimizer) };
  return { phases, planning, msPerStep, cpuPerStep };
}

/** The raw step on one fixed batch (the `train-*` rows' measure), on the trainer's model and optimizer. */
function rawStep(t: Trainer, w: TrainerWorkload, reps: number): number {
  const opt = t.optimizer;
  const times: number[] = [];
  if (t.data.kind === 'classifier') {
    const model = t.model as unknown as { forward(x: Tensor): Tensor };
    const x = new Tensor(new Float32Array(w.batch * 3 * 32 * 32).map((_, i) => Math.sin(i)), [w.batch, 3, 32, 32]);
    const y = Int32Array.from({ length: w.batch }, (_, i) => i % 10);
    for (let r = 0; r < reps; r++) {
      const t0 = now();
      opt.zeroGrad();
      crossEntropy(model.forward(x), y, { reduction: 'mean' }).backward();
      opt.step();
      times.push(now() - t0);
    }
  } else {
    const model = t.model as unknown as { forward(u: Int32Array, i: Int32Array): Tensor };
    const users = Int32Array.from({ length: w.batch }, (_, i) => (i * 37) % 6040);
    const items = Int32Array.from({ length: w.batch }, (_, i) => (i * 53) % 3706);
    const labels = Float32Array.from({ length: w.batch }, (_, i) => i % 5 === 0 ? 1 : 0);
    for (let r = 0; r < reps; r++) {
      const t0 = now();
      opt.zeroGrad();
      bceWithLogits(model.forward(users, items), labels, { reduction: 'mean' }).backward();
      opt.step();
      times.push(now() - t0);
    }
  }
  return median(times);
}

/** Runs the chosen trainer workloads; `quick` takes fewer steps. */
export async function runTrainerWorkloads(names: readonly string[], quick: boolean, log: (line: string) => void): Promise<TrainerMeasurement[]> {
  const chosen = TRAINER_WORKLOADS.filter((w) => names.includes(w.name));
  if (chosen.length === 0) return [];
  const gpujs = await import('@gapkit/backend-gpujs'); // auto probes gpu.js, as gapkit train's default does
  const backend = gpujs.createBackend('auto');
  setBackend(backend);
  const out: TrainerMeasurement[] = [];
  try {
    for (const w of chosen) {
      const steps = quick ? (w.model === 'ncf' ? 30 : 6) : w.model === 'ncf' ? 100 : 30;
      const rounds = quick ? 2 : 3;
      const dir = mkdtempSync(join(tmpdir(), 'gapkit-bench-trainer-'));
      try {
        const rig = trainerRig(w, dir);
        const t = rig.trainer;
        handLoop(t, w, 2); // more warm-up (auto's calibration) before any timed block
        // Trainer and hand loop alternate block by block (the machine's load drifts); each block's wall time over its steps.
        const trainerPer: number[] = [];
        const handPer: number[] = [];
        const trainerCpu: number[] = [];
        const handCpu: number[] = [];
        const hands: ReturnType<typeof handLoop>[] = [];
        for (let r = 0; r < rounds; r++) {
          const b = rig.block(steps);
          trainerPer.push(b.wall);
          trainerCpu.push(b.cpu);
          const h = handLoop(t, w, steps);
          hands.push(h);
          handPer.push(h.msPerStep);
          handCpu.push(h.cpuPerStep);
        }
        const p0 = now();
        t.task.planEpoch(t.streams);
        const planning = (now() - p0) / t.stepsPerEpoch;
        const rawMs = rawStep(t, w, quick ? 3 : 10);
        const avg = (f: (h: ReturnType<typeof handLoop>) => number) => mean(hands.map(f));
        const phases: Phases = { data: avg((h) => h.phases.data), augmentation: avg((h) => h.phases.augmentation), forward: avg((h) => h.phases.forward), backward: avg((h) => h.phases.backward), optimizer: avg((h) => h.phases.optimizer) };
        const metrics = rig.metricsMs.length > 0 ? mean(rig.metricsMs) / LOG_EVERY : 0;
        const checkpoint = rig.checkpointMs.length > 0 ? mean(rig.checkpointMs) / CHECKPOINT_EVERY : Number.NaN;
        const m: TrainerMeasurement = {
          workload: w.name,
          parameters: t.model.numParameters(),
          trainerMs: median(trainerPer),
          handMs: median(handPer),
          trainerCpuMs: median(trainerCpu),
          handCpuMs: median(handCpu),
          rawMs,
          phases,
          extras: { metrics, checkpoint, planning },
        };
        log(`[${w.name}] trainer ${trainerPer.map((x) => x.toFixed(1)).join(' ')} ms/step (CPU ${trainerCpu.map((x) => x.toFixed(1)).join(' ')}), hand loop ${handPer.map((x) => x.toFixed(1)).join(' ')} ms/step (CPU ${handCpu.map((x) => x.toFixed(1)).join(' ')}), raw step ${rawMs.toFixed(1)} ms, ${JSON.stringify(m.phases)}`);
        out.push(m);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    backend.dispose();
  }
  return out;
}

const ms = (v: number) => (Number.isNaN(v) ? '—' : v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(3));

/** The markdown section: steps/s of the trainer beside the raw step, its overhead, and the profile. */
export function trainerTable(rows: readonly TrainerMeasurement[]): string[] {
  if (rows.length === 0) return [];
  const out = [
    '### gapkit train itself (trainer loop, backend auto)',
    '',
    '| workload | params | trainer ms/step | steps/s | raw step ms | hand loop ms/step (data+aug+fwd+bwd+opt) | trainer overhead vs hand loop (wall) | CPU ms/step trainer / hand loop | overhead (CPU time) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const hand = r.handMs;
    const overhead = (r.trainerMs / hand - 1) * 100;
    const cpuOverhead = (r.trainerCpuMs / r.handCpuMs - 1) * 100;
    const pct = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(1)}%`;
    out.push(
      `| ${r.workload} | ${r.parameters.toLocaleString('en-US')} | ${ms(r.trainerMs)} | ${(1000 / r.trainerMs).toFixed(1)} | ${ms(r.rawMs)} | ${ms(hand)} | ${pct(overhead)} (target < 5%) | ${ms(r.trainerCpuMs)} / ${ms(r.handCpuMs)} | ${pct(cpuOverhead)} |`,
    );
  }
  out.push('', '| workload | data | augmentation | forward | backward | optimizer (its atomic check included) | metrics (1 in 10) | checkpoint (1 in 50) | epoch planning |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const p = r.phases;
    const e = r.extras;
    out.push(`| ${r.workload} | ${ms(p.data)} | ${ms(p.augmentation)} | ${ms(p.forward)} | ${ms(p.backward)} | ${ms(p.optimizer)} | ${ms(e.metrics)} | ${ms(e.checkpoint)} | ${ms(e.planning)} |`);
  }
  out.push('', 'Trainer and hand loop run in alternating blocks of steps on the same model (medians of the blocks\' wall time per step). Profile in ms per step: means over the hand loop\'s steps; metrics, checkpoint and epoch planning amortized over their cadence (every 10, 50 steps, once per epoch). Synthetic data with the real shapes.');
  return out;
}
