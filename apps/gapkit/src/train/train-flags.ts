/**
 * The flags of `gapkit train` (and the task flags `compare` shares), and how they overlay a config:
 * a flag given wins over the config file; a flag not given leaves it alone.
 */
import { DATASET_NAMES, HEAD_NAMES, SCHEDULE_NAMES } from '@gapkit/trainer';
import type { Parsed } from '../args.js';
import { UsageError } from '../command.js';
import { BACKEND_CHOICES } from './backend-option.js';

export const TASK_FLAGS = {
  config: { kind: 'string' },
  model: { kind: 'string' },
  'model-opt': { kind: 'list' },
  depth: { kind: 'int', min: 1 },
  width: { kind: 'number', min: 0 },
  dataset: { kind: 'string', choices: DATASET_NAMES },
  'data-dir': { kind: 'string' },
  'train-size': { kind: 'int', min: 1 },
  augment: { kind: 'flag' },
  'num-negatives': { kind: 'int', min: 0 },
  schedule: { kind: 'string', choices: SCHEDULE_NAMES },
  'schedule-unit': { kind: 'string', choices: ['epoch', 'step'] },
  gamma: { kind: 'number' },
  every: { kind: 'int', min: 1 },
  milestones: { kind: 'list' },
  total: { kind: 'int', min: 1 },
  warmup: { kind: 'int', min: 0 },
  t0: { kind: 'int', min: 1 },
  't-mult': { kind: 'number' },
  'min-lr': { kind: 'number' },
  head: { kind: 'string', choices: HEAD_NAMES },
  'head-scale': { kind: 'number' },
  epochs: { kind: 'int', min: 1 },
  'max-steps': { kind: 'int', min: 1 },
  'batch-size': { kind: 'int', min: 1 },
  seed: { kind: 'int', min: 0 },
  'eval-every': { kind: 'int', min: 0 },
  'log-every': { kind: 'int', min: 1 },
  backend: { kind: 'string', choices: BACKEND_CHOICES },
  'detect-anomaly': { kind: 'flag' },
  'log-layers': { kind: 'list' },
} as const;

export const TRAIN_FLAGS = {
  ...TASK_FLAGS,
  optimizer: { kind: 'string' },
  opt: { kind: 'list' },
  lr: { kind: 'number' },
  'weight-decay': { kind: 'number' },
  'decay-norms': { kind: 'flag' },
  'non-finite': { kind: 'string', choices: ['error', 'skip'] },
  'checkpoint-every': { kind: 'int', min: 0 },
  'keep-last': { kind: 'int', min: 1 },
  out: { kind: 'string' },
  resume: { kind: 'string' },
  force: { kind: 'flag' },
  quiet: { kind: 'flag' },
} as const;

export { DEFAULT_DATA_DIR } from './load-data.js';

/** `k=v` items (a list flag) as an object; values are JSON when they parse (numbers, booleans, arrays), else strings. */
export function keyValues(flag: string, items: readonly string[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!items) return out;
  // Re-join items the comma split cut inside brackets: blocks=[1,1,1].
  const joined: string[] = [];
  for (const it of items) {
    if (!it.includes('=') && joined.length > 0) joined[joined.length - 1] += `,${it}`;
    else joined.push(it);
  }
  for (const it of joined) {
    const eq = it.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${flag} expects key=value items, got '${it}'`);
    const key = it.slice(0, eq);
    const raw = it.slice(eq + 1);
    let v: unknown = raw;
    try {
      v = JSON.parse(raw);
    } catch {
      v = raw;
    }
    out[key] = v;
  }
  return out;
}

type TaskOptions = Parsed<typeof TASK_FLAGS>['options'];

function setIn(target: Record<string, unknown>, section: string, key: string, v: unknown): void {
  if (v === undefined) return;
  const s = (target[section] ?? {}) as Record<string, unknown>;
  s[key] = v;
  target[section] = s;
}

/** Model knobs with their own flags: --depth, --width. */
function modelKnobs(model: string | undefined, o: TaskOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (o.depth !== undefined) {
    if (model === 'resnet') {
      const n = (o.depth - 2) / 6;
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--depth for resnet must be 6n+2 (8, 14, 20, …), got ${o.depth}`);
      out.blocks = [n, n, n];
    } else if (model?.startsWith('wrn')) out.depth = o.depth;
    else throw new UsageError(`--depth applies to resnet and the wrn models, not '${model ?? '(none)'}'`);
  }
  if (o.width !== undefined) {
    if (model?.startsWith('wrn-padam')) out.multiplier = o.width;
    else if (model?.startsWith('wrn')) out.widenFactor = o.width;
    else if (model === 'mlp') out.hidden = [o.width];
    else if (model?.startsWith('vgg') || model?.startsWith('resnet')) out.baseWidth = o.width;
    else throw new UsageError(`--width has no meaning for '${model ?? '(none)'}'`);
  }
  return out;
}

/** Overlays the task flags given on `base` (a config object from a file, or {}). */
export function overlayTaskFlags(base: Record<string, unknown>, o: TaskOptions): Record<string, unknown> {
  const c: Record<string, unknown> = structuredClone(base);
  delete c.provenance;
  const baseModel = (c.model ?? {}) as Record<string, unknown>;
  const modelName = o.model ?? (typeof baseModel.name === 'string' ? baseModel.name : undefined);
  if (o.model !== undefined && o.model !== baseModel.name) {
    c.model = { name: o.model, options: {} };
  }
  const extra = { ...keyValues('model-opt', o['model-opt']), ...modelKnobs(modelName, o) };
  if (Object.keys(extra).length > 0) {
    const m = (c.model ?? {}) as Record<string, unknown>;
    m.options = { ...((m.options ?? {}) as Record<string, unknown>), ...extra };
    c.model = m;
  }
  if (o.dataset !== undefined && o.dataset !== (c.dataset as Record<string, unknown> | undefined)?.name) c.dataset = { name: o.dataset };
  setIn(c, 'dataset', 'trainSize', o['train-size']);
  if (o.augment) setIn(c, 'dataset', 'augment', true);
  setIn(c, 'dataset', 'numNegatives', o['num-negatives']);
  if (o.schedule !== undefined) c.schedule = { kind: o.schedule };
  setIn(c, 'schedule', 'unit', o['schedule-unit']);
  setIn(c, 'schedule', 'gamma', o.gamma);
  setIn(c, 'schedule', 'every', o.every);
  setIn(c, 'schedule', 'milestones', o.milestones?.map((m) => Number(m)));
  setIn(c, 'schedule', 'total', o.total);
  setIn(c, 'schedule', 'warmup', o.warmup);
  setIn(c, 'schedule', 't0', o.t0);
  setIn(c, 'schedule', 'tMult', o['t-mult']);
  setIn(c, 'schedule', 'min', o['min-lr']);
  if (o.head !== undefined) c.head = { kind: o.head };
  setIn(c, 'head', 'scale', o['head-scale']);
  const top: Array<[string, unknown]> = [
    ['epochs', o.epochs],
    ['maxSteps', o['max-steps']],
    ['batchSize', o['batch-size']],
    ['seed', o.seed],
    ['evalEvery', o['eval-every']],
    ['logEvery', o['log-every']],
    ['backend', o.backend],
    ['logLayers', o['log-layers']],
  ];
  for (const [k, v] of top) if (v !== undefined) c[k] = v;
  if (o['detect-anomaly']) c.detectAnomaly = true;
  return c;
}

type TrainOptions = Parsed<typeof TRAIN_FLAGS>['options'];

/** Task flags plus the optimizer and checkpoint flags of `train`. */
export function overlayTrainFlags(base: Record<string, unknown>, o: TrainOptions): Record<string, unknown> {
  const c = overlayTaskFlags(base, o);
  const prev = (c.optimizer ?? {}) as Record<string, unknown>;
  if (o.optimizer !== undefined && o.optimizer !== prev.name) c.optimizer = { name: o.optimizer, options: {} };
  const hyper = { ...keyValues('opt', o.opt) };
  if (o.lr !== undefined) hyper.lr = o.lr;
  if (o['weight-decay'] !== undefined) hyper.weightDecay = o['weight-decay'];
  if (o['non-finite'] !== undefined) hyper.nonFinite = o['non-finite'];
  if (Object.keys(hyper).length > 0) {
    const opt = (c.optimizer ?? {}) as Record<string, unknown>;
    opt.options = { ...((opt.options ?? {}) as Record<string, unknown>), ...hyper };
    c.optimizer = opt;
  }
  if (o['decay-norms']) setIn(c, 'optimizer', 'noDecayOnNorms', false);
  if (o['checkpoint-every'] !== undefined) c.checkpointEvery = o['checkpoint-every'];
  if (o['keep-last'] !== undefined) c.keepLast = o['keep-last'];
  return c;
}
