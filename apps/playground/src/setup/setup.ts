/**
 * The whole setup of a comparison: data, model, backend, run length and each optimizer with the
 * hyperparameters the user changed. It lives in the URL (`#` + query string) so a view can be shared.
 */
import { defaultsOf, hyperProblem, OPTIMIZERS, type OptimizerName } from '@gapkit/optimizers';

export const MODEL_CHOICES = ['mlp', 'cnn'] as const;
export type ModelChoice = (typeof MODEL_CHOICES)[number];

export const BACKEND_CHOICES = ['auto', 'cpu', 'wasm', 'wasm-2t', 'gpujs-webgl2', 'gpujs-webgl'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

export interface OptimizerSetup {
  readonly name: OptimizerName;
  /** Only the hyperparameters that differ from the registry defaults. */
  readonly options: Readonly<Record<string, number | boolean | string>>;
}

export interface Setup {
  readonly model: ModelChoice;
  readonly backend: BackendChoice;
  readonly trainSize: number;
  readonly batchSize: number;
  readonly steps: number;
  readonly seed: number;
  readonly optimizers: readonly OptimizerSetup[];
}

export const DEFAULT_SETUP: Setup = {
  model: 'mlp',
  backend: 'auto',
  trainSize: 2000,
  batchSize: 64,
  steps: 150,
  seed: 1,
  optimizers: [
    { name: 'adam', options: {} },
    { name: 'padam', options: {} },
  ],
};

function isOptimizerName(s: string): s is OptimizerName {
  return Object.hasOwn(OPTIMIZERS, s);
}

function intParam(q: URLSearchParams, key: string, min: number, max: number, fallback: number, problems: string[]): number {
  const raw = q.get(key);
  if (raw === null) return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min || v > max) {
    problems.push(`URL parameter ${key}: expected an integer in [${min}, ${max}], got '${raw}'`);
    return fallback;
  }
  return v;
}

function choice<T extends string>(q: URLSearchParams, key: string, choices: readonly T[], fallback: T, problems: string[]): T {
  const raw = q.get(key);
  if (raw === null) return fallback;
  const hit = choices.find((c) => c === raw);
  if (hit === undefined) problems.push(`URL parameter ${key}: expected one of ${choices.join(', ')}, got '${raw}'`);
  return hit ?? fallback;
}

/** `adam` or `padam:p=0.25,lr=0.1` → an optimizer setup; values typed by the registry's table. */
function parseOptimizer(text: string, problems: string[]): OptimizerSetup | null {
  const [name, rest] = text.split(':', 2);
  if (!isOptimizerName(name)) {
    problems.push(`URL parameter opt: unknown optimizer '${name}' (known: ${Object.keys(OPTIMIZERS).join(', ')})`);
    return null;
  }
  const table = OPTIMIZERS[name].hyperparameters;
  const options: Record<string, number | boolean | string> = {};
  for (const pair of rest ? rest.split(',') : []) {
    const [key, value] = pair.split('=', 2);
    const h = table.find((x) => x.key === key);
    if (h === undefined || value === undefined) {
      problems.push(`URL parameter opt: '${pair}' is not a hyperparameter of ${name} (known: ${table.map((x) => x.key).join(', ')})`);
      continue;
    }
    if (h.kind === 'number') {
      const v = Number(value);
      const problem = Number.isFinite(v) ? hyperProblem(h, v) : `${key} must be a finite number, got '${value}'`;
      if (problem !== null) problems.push(`URL parameter opt: ${name} ${problem}`);
      else options[key] = v;
    } else if (h.kind === 'boolean') options[key] = value === 'true';
    else options[key] = value;
  }
  return { name, options };
}

/** The setup a URL holds, with the problems found (bad parts fall back to the defaults). */
export function setupFromUrl(search: string): { setup: Setup; problems: string[] } {
  const q = new URLSearchParams(search.replace(/^[#?]/, ''));
  const problems: string[] = [];
  const opts = q.getAll('opt').flatMap((t) => parseOptimizer(t, problems) ?? []);
  const d = DEFAULT_SETUP;
  const setup: Setup = {
    model: choice(q, 'model', MODEL_CHOICES, d.model, problems),
    backend: choice(q, 'backend', BACKEND_CHOICES, d.backend, problems),
    trainSize: intParam(q, 'train', 100, 8000, d.trainSize, problems),
    batchSize: intParam(q, 'batch', 1, 1024, d.batchSize, problems),
    steps: intParam(q, 'steps', 1, 100000, d.steps, problems),
    seed: intParam(q, 'seed', 0, 2 ** 31 - 1, d.seed, problems),
    optimizers: opts.length > 0 ? opts : d.optimizers,
  };
  return { setup, problems };
}

/** The query string of a setup (hyperparameters equal to the defaults are left out). */
export function setupToUrl(s: Setup): string {
  const q = new URLSearchParams();
  q.set('model', s.model);
  q.set('backend', s.backend);
  q.set('train', String(s.trainSize));
  q.set('batch', String(s.batchSize));
  q.set('steps', String(s.steps));
  q.set('seed', String(s.seed));
  for (const o of s.optimizers) {
    const defaults = defaultsOf(OPTIMIZERS[o.name]);
    const changed = Object.entries(o.options).filter(([k, v]) => defaults[k] !== v);
    q.append('opt', changed.length === 0 ? o.name : `${o.name}:${changed.map(([k, v]) => `${k}=${v}`).join(',')}`);
  }
  return q.toString();
}
