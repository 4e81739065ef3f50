/**
 * Adapter: "backend from name / plan". Activates the backend through `backend-option.ts`; for `auto`,
 * the kernel × size-class choices it makes by timing are its plan (`Backend.plan()`), kept in the run
 * folder as `backend-plan.json` beside every checkpoint, and given back on `--resume`, so a resumed run
 * is served by exactly the kernels of the run it continues (a timing-dependent choice never changes its
 * numerics halfway).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BackendPlan, describeBackend } from '@gapkit/autodiff';
import { writeFileAtomic } from '@gapkit/node-io';
import { UsageError } from '../command.js';
import { activateBackend } from './backend-option.js';

export const BACKEND_PLAN_FILE = 'backend-plan.json';

export interface ActiveBackend {
  readonly summary: string;
  /** What `describeBackend()` said at the start (for config.yaml's provenance). */
  readonly description: Record<string, unknown>;
  /** The plan so far (`auto`), or null for a backend without one. */
  plan(): BackendPlan | null;
  dispose(): void;
}

/** The plan a run folder recorded, or undefined when it has none. */
export function readBackendPlan(dir: string): BackendPlan | undefined {
  const file = join(dir, BACKEND_PLAN_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BackendPlan;
  } catch (e) {
    throw new UsageError(`${file}: expected the JSON backend plan a run wrote, got unreadable JSON (${(e as Error).message})`);
  }
}

/** Writes the backend's current plan into the run folder (atomically); nothing for a backend without one. */
export function saveBackendPlan(dir: string, backend: ActiveBackend): void {
  const plan = backend.plan();
  if (plan !== null) writeFileAtomic(join(dir, BACKEND_PLAN_FILE), `${JSON.stringify(plan, null, 2)}\n`);
}

/** `plan` (auto only) makes the same kernels serve every size class the plan names, untimed. */
export async function useBackend(name: string, plan?: BackendPlan): Promise<ActiveBackend> {
  const { backend, summary } = await activateBackend(name, name === 'auto' && plan !== undefined ? { plan } : {});
  return {
    summary: plan !== undefined && name === 'auto' ? `${summary}, replaying the recorded plan (${Object.keys(plan).length} size classes)` : summary,
    description: { ...describeBackend() },
    plan: () => backend.plan?.() ?? null,
    dispose: () => backend.dispose(),
  };
}
