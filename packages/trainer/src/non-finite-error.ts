/**
 * A non-finite loss or gradient: the run stops at once, naming the step, the tensor and — from the
 * re-run of the step with anomaly mode on (or from `--detect-anomaly` itself) — the op that first made
 * a NaN or ±Infinity. The step was not applied and every stream and buffer it touched was put back.
 */
import type { AnomalyReport } from '@gapkit/autodiff';
import type { OptimizerError } from '@gapkit/optimizers';

/** What fired first: the loss check, a gradient check, BatchNorm's batch guard, the optimizer, or anomaly mode. */
export type NonFiniteSource = 'loss' | 'gradient' | 'batch-norm' | 'optimizer' | 'anomaly';

export interface NonFiniteDetails {
  readonly source: NonFiniteSource;
  /** `loss`, the parameter whose gradient held the first non-finite value, or the layer / op. */
  readonly tensor: string;
  readonly value: number;
  /** First bad index in the tensor, when known. */
  readonly index?: number;
  /** The message of the error that fired (BatchNorm's, the optimizer's), when one did. */
  readonly cause?: string;
  /** The op that made the first non-finite value, from anomaly mode; null when its re-run found none. */
  readonly anomaly: AnomalyReport | null;
  /** The anomaly error's full message (op, input shapes, index, where it was created). */
  readonly anomalyMessage?: string;
}

function whatFired(d: NonFiniteDetails): string {
  switch (d.source) {
    case 'loss':
      return `the training loss became ${d.value}`;
    case 'gradient':
      return d.cause ?? `the gradient of '${d.tensor}' holds ${d.value}${d.index === undefined ? '' : ` at index ${d.index}`}`;
    case 'batch-norm':
    case 'optimizer':
      return d.cause ?? `${d.tensor} became ${d.value}`;
    case 'anomaly':
      return `anomaly mode found ${d.value} in op '${d.tensor}'`;
  }
}

function opLine(d: NonFiniteDetails): string {
  if (d.source === 'anomaly') return d.anomalyMessage ? `\n${d.anomalyMessage}` : '';
  if (d.anomaly) return `; re-run with anomaly mode on: op '${d.anomaly.op}' (${d.anomaly.phase}) made it first:\n${d.anomalyMessage ?? ''}`;
  return '; re-run with anomaly mode on: no op of the forward or backward pass made a non-finite value (it came from the update itself)';
}

export class NonFiniteError extends Error {
  override name = 'NonFiniteError';
  /** 1-based index of the step that failed (it was not applied). */
  readonly step: number;
  /** `loss`, the parameter whose gradient held the first non-finite value, or the layer / op that fired. */
  readonly tensor: string;
  readonly value: number;
  /** The op anomaly mode named (null: none found). */
  readonly op: string | null;
  readonly details: NonFiniteDetails;
  constructor(step: number, details: NonFiniteDetails) {
    super(`step ${step}: ${whatFired(details)}; the step was not applied${opLine(details)}`);
    this.step = step;
    this.tensor = details.tensor;
    this.value = details.value;
    this.op = details.anomaly?.op ?? null;
    this.details = details;
  }
}

/** The optimizer's gradient guard says this (packages/optimizers/src/optimizer.ts, checkedGradients). */
const OPTIMIZER_GRADIENT = /the gradient of '([^']+)' holds (\S+) at index (\d+)/;

/** An OptimizerError as a failure: the tensor, value and index its gradient guard names, else the message alone. */
export function optimizerFailure(e: OptimizerError): Omit<NonFiniteDetails, 'anomaly'> {
  const m = OPTIMIZER_GRADIENT.exec(e.message);
  if (m) return { source: 'gradient', tensor: m[1], value: Number(m[2]), index: Number(m[3]), cause: e.message };
  return { source: 'optimizer', tensor: 'optimizer', value: Number.NaN, cause: e.message };
}
