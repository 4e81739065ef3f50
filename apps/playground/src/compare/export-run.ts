/**
 * Export of a comparison as one zip: per run a folder that `gapkit eval <folder>` reads —
 * `config.yaml` (the resolved config; JSON is YAML), `metrics.jsonl`, and the final checkpoint as
 * `ckpt-<step>.safetensors` (every tensor, float32) plus `ckpt-<step>.json` (the rest) — and the
 * page's `setup.json`.
 */
import { encodeFloat32Safetensors } from '@gapkit/safetensors';
import { captureCheckpoint } from '@gapkit/trainer';
import { zipSync } from 'fflate';
import type { Setup } from '../setup/setup.js';
import type { RunState } from './comparison.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The folder name of run i (`1-adam`, `2-padam`, …). */
export function runFolder(i: number, r: RunState): string {
  return `${i + 1}-${r.trainer.config.optimizer.name}`;
}

/** Every file of the export, by path inside the zip. */
export function exportFiles(setup: Setup, url: string, runs: readonly RunState[]): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = { 'setup.json': text(`${JSON.stringify({ url, setup }, null, 1)}\n`) };
  runs.forEach((r, i) => {
    const dir = runFolder(i, r);
    files[`${dir}/config.yaml`] = text(`${JSON.stringify(r.trainer.config, null, 1)}\n`);
    const lines = [...r.steps, ...r.evals].sort((a, b) => a.step - b.step || (a.type === 'step' ? -1 : 1));
    files[`${dir}/metrics.jsonl`] = text(lines.map((l) => JSON.stringify(l)).join('\n') + (lines.length > 0 ? '\n' : ''));
    if (r.trainer.step > 0) {
      const c = captureCheckpoint(r.trainer);
      const name = `ckpt-${String(c.meta.step).padStart(8, '0')}`;
      files[`${dir}/${name}.safetensors`] = encodeFloat32Safetensors(c.tensors, { format: 'pt', writer: 'gapkit', step: String(c.meta.step), configHash: c.meta.configHash });
      files[`${dir}/${name}.json`] = text(`${JSON.stringify(c.meta, null, 1)}\n`);
    }
  });
  return files;
}

/** The zip of {@link exportFiles} (stored, not compressed: checkpoints are float noise). */
export function exportZip(setup: Setup, url: string, runs: readonly RunState[]): Uint8Array {
  return zipSync(exportFiles(setup, url, runs), { level: 0 });
}
