/**
 * The setting a lawn-ml100k run trained with, read from its run config: a readable label for the
 * report's tables and figures, and a canonical id to match it with the paper's and the PyTorch
 * reference's rows.
 */

export interface LawnSetting {
  /** e.g. `adam λ=0.0001`, `adam-lawn E=2 emb=free carried`. */
  readonly id: string;
  /** e.g. `Adam, λ 1e-4`, `Adam-LAWN, E_free 2, embeddings free, moments reset`. */
  readonly label: string;
  /** A legend-sized label, e.g. `Adam λ 1e-4`, `LAWN E2 F reset` (C / F: embeddings constrained / free). */
  readonly short: string;
  /** The optimizer family: `adam`, `adam-lawn`, `lamb`, `lamb-lawn`, `sgd`. */
  readonly family: string;
  readonly batchSize: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const TITLES: Readonly<Record<string, string>> = { adam: 'Adam', 'adam-lawn': 'Adam-LAWN', lamb: 'LAMB', 'lamb-lawn': 'LAMB-LAWN', sgd: 'SGD-momentum' };

function num(o: Record<string, unknown>, key: string, fallback: number): number {
  const v = o[key];
  return typeof v === 'number' ? v : fallback;
}

/** `1e-4`, `0`, `0.01`: short and exact for the grid values used here. */
export function shortNumber(v: number): string {
  if (v === 0) return '0';
  const e = Math.floor(Math.log10(Math.abs(v)));
  return Math.abs(e) >= 3 ? `${+(v / 10 ** e).toPrecision(3)}e${e}` : String(+v.toPrecision(3));
}

/** @throws Error naming the run when its config has no optimizer name or batch size. */
export function lawnSetting(input: Readonly<Record<string, unknown>>, what: string): LawnSetting {
  const opt = input.optimizer;
  if (!isRecord(opt) || typeof opt.name !== 'string') throw new Error(`lawn-ml100k: run ${what} has no optimizer name in its config`);
  if (typeof input.batchSize !== 'number') throw new Error(`lawn-ml100k: run ${what} has no batchSize in its config`);
  const o = isRecord(opt.options) ? opt.options : {};
  const family = opt.name;
  const title = TITLES[family] ?? family;
  if (family.endsWith('-lawn')) {
    const e = num(o, 'freeEpochs', 5);
    const emb = o.constrainEmbeddings === false ? 'free' : 'constrained';
    const reset = o.resetMomentsAtSwitch === true;
    return {
      id: `${family} E=${e} emb=${emb} ${reset ? 'reset' : 'carried'}`,
      label: `${title}, E_free ${e}, embeddings ${emb}${reset ? ', moments reset' : ''}`,
      short: `${family === 'adam-lawn' ? 'LAWN' : title} E${e} ${emb === 'free' ? 'F' : 'C'}${reset ? ' reset' : ''}`,
      family,
      batchSize: input.batchSize,
    };
  }
  if (family === 'sgd') {
    const lr = num(o, 'lr', Number.NaN);
    const mu = num(o, 'momentum', 0);
    return { id: `sgd lr=${lr} mu=${mu}`, label: `${title} ${mu}, η_peak ${shortNumber(lr)}`, short: `SGD-m η ${shortNumber(lr)}`, family, batchSize: input.batchSize };
  }
  const wd = num(o, 'weightDecay', Number.NaN);
  return { id: `${family} λ=${wd}`, label: `${title}, λ ${shortNumber(wd)}`, short: `${title} λ ${shortNumber(wd)}`, family, batchSize: input.batchSize };
}
