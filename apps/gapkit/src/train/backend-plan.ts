/**
 * Adapter: "backend from name / plan". Activates the backend through `backend-option.ts` and returns
 * its description (the kernels it serves) for `config.yaml` and the console.
 */
import { describeBackend } from '@gapkit/autodiff';
import { activateBackend } from './backend-option.js';

export interface ActiveBackend {
  readonly summary: string;
  readonly plan: Record<string, unknown>;
  dispose(): void;
}

export async function useBackend(name: string): Promise<ActiveBackend> {
  const { backend, summary } = await activateBackend(name);
  return { summary, plan: { ...describeBackend() }, dispose: () => backend.dispose() };
}
