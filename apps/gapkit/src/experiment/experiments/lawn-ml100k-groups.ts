/**
 * The lawn-ml100k report's runs grouped by setting (its seeds together): the runs of the reference
 * recipe, and the variants of the sweeps named `lawn-toward-66-*` — another length or η_peak for a
 * setting of the recipe — which the report sets against the recipe's run of the same setting.
 */
import { join } from 'node:path';
import type { ReportContext } from '../experiment.js';
import { type SeedStats, seedStats } from '../seed-stats.js';
import { RECIPE } from './lawn-ml100k-reference.js';
import { type LawnRunStats, lawnRunStats } from './lawn-ml100k-run-stats.js';
import { type LawnSetting, lawnSetting, shortNumber } from './lawn-ml100k-setting.js';

/** One setting's finished runs (its seeds); `variant` says how a toward-66 run differs from the recipe. */
export interface SettingRuns {
  readonly setting: LawnSetting;
  /** e.g. `300 epochs`, `η_peak 1e-2`; null for the recipe's own runs. */
  readonly variant: string | null;
  /**
   * `seconds`: the wall time of the run's last session; `sessionEpochs`: the epochs that session
   * trained (all of them unless it resumed from a checkpoint), so seconds / sessionEpochs is s/epoch.
   */
  readonly runs: { readonly seed: number; readonly stats: LawnRunStats; readonly seconds: number; readonly sessionEpochs: number; readonly dir: string }[];
}

/** The sweeps whose runs are variants of the recipe rather than rows of it. */
export const TOWARD_66_PREFIX = 'lawn-toward-66';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How a run's config differs from the recipe at its batch size (length, η_peak), e.g. `300 epochs`. */
export function recipeVariant(input: Readonly<Record<string, unknown>>, setting: LawnSetting): string {
  const recipe = RECIPE[setting.batchSize];
  const parts: string[] = [];
  const epochs = input.epochs;
  if (typeof epochs === 'number' && epochs !== recipe?.epochs) parts.push(`${epochs} epochs`);
  const opt = input.optimizer;
  const lr = isRecord(opt) && isRecord(opt.options) ? opt.options.lr : undefined;
  if (setting.family !== 'sgd' && typeof lr === 'number' && lr !== recipe?.etaPeak) parts.push(`η_peak ${shortNumber(lr)}`);
  return parts.length > 0 ? parts.join(', ') : 'the recipe';
}

/** Every finished run, grouped by (batch, setting, variant), in sweep order. */
export function collectSettingRuns(ctx: ReportContext): SettingRuns[] {
  const out = new Map<string, SettingRuns>();
  for (const s of ctx.sweeps) {
    const toward = s.sweep.name.startsWith(TOWARD_66_PREFIX);
    for (const run of s.runs) {
      const outcome = s.results.get(run.key);
      if (outcome?.status !== 'done') continue;
      const what = `${s.sweep.name}/${run.key} (${run.point}, seed ${run.seed})`;
      const setting = lawnSetting(run.input, what);
      const variant = toward ? recipeVariant(run.input, setting) : null;
      const id = `${setting.batchSize} ${setting.id} ${variant ?? ''}`;
      const entry = out.get(id) ?? { setting, variant, runs: [] };
      const stats = lawnRunStats(ctx.records(s, run), setting.batchSize, what);
      const sessionEpochs = outcome.steps > 0 ? stats.epochs * (1 - outcome.resumedFrom / outcome.steps) : stats.epochs;
      entry.runs.push({ seed: run.seed, stats, seconds: outcome.seconds, sessionEpochs, dir: join(s.folder.runsDir, run.key) });
      out.set(id, entry);
    }
  }
  return [...out.values()];
}

/** A statistic of each seed's run, as mean ± std over the seeds. */
export const settingStat = (g: SettingRuns, f: (s: LawnRunStats) => number): SeedStats => seedStats(g.runs.map((r) => f(r.stats)));
