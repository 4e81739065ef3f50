/**
 * The playground page: the comparison form (its state is the URL's hash), the live charts, the
 * backend label, the gpu.js self-test and the explorables.
 */
import { setBackend } from '@gapkit/autodiff';
import { bestGlMode, createBrowserGpuJsBackend } from '@gapkit/backend-gpujs/browser';
import { CompareCharts } from './compare/compare-charts.js';
import { Comparison, type ComparisonStatus } from './compare/comparison.js';
import { exportZip } from './compare/export-run.js';
import { renderOptimizerCards } from './compare/optimizer-cards.js';
import { backendLines, createPageBackend, PAGE_GPU, pageCapabilities } from './backends/page-backends.js';
import { runSelfTest, type SelfTestCase } from './backends/self-test.js';
import { digitsTaskData } from './data/embedded-digits.js';
import { adamsExplorable } from './explorables/adams-explorable.js';
import { mountExplorable } from './explorables/explorable.js';
import { lawnExplorable } from './explorables/lawn-explorable.js';
import { ndAdamExplorable } from './explorables/nd-adam-explorable.js';
import { padamExplorable } from './explorables/padam-explorable.js';
import { BACKEND_CHOICES, type BackendChoice, MODEL_CHOICES, type ModelChoice, type Setup, setupFromUrl, setupToUrl } from './setup/setup.js';

/** Held-out digits evaluated every few steps (the first ones of the test split, class-balanced). */
const TEST_IMAGES = 500;

function el<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`playground: the page has no #${id}`);
  return e as T;
}

const parsed = setupFromUrl(location.hash);
let setup: Setup = parsed.setup;
let comparison: Comparison | null = null;
let charts: CompareCharts | null = null;
let lastSelfTest: SelfTestCase[] | null = null;

const status = el<HTMLDivElement>('status');
const startButton = el<HTMLButtonElement>('start');
const pauseButton = el<HTMLButtonElement>('pause');
const exportButton = el<HTMLButtonElement>('export');

function showStatus(s: ComparisonStatus | 'idle' | 'loading' | 'error', text?: string): void {
  status.dataset.status = s;
  status.textContent = text ?? s;
}

function writeUrl(): void {
  const q = setupToUrl(setup);
  history.replaceState(null, '', `#${q}`);
  el<HTMLAnchorElement>('share').href = `#${q}`;
}

function renderForm(): void {
  const model = el<HTMLSelectElement>('model');
  model.replaceChildren(...MODEL_CHOICES.map((m) => new Option(m === 'mlp' ? 'MLP 784-64-10' : 'small CNN (ResNet, 2 stages, 8/16 channels)', m, false, m === setup.model)));
  const backend = el<HTMLSelectElement>('backend');
  backend.replaceChildren(...BACKEND_CHOICES.map((b) => new Option(b, b, false, b === setup.backend)));
  el<HTMLInputElement>('trainSize').value = String(setup.trainSize);
  el<HTMLInputElement>('batchSize').value = String(setup.batchSize);
  el<HTMLInputElement>('steps').value = String(setup.steps);
  el<HTMLInputElement>('seed').value = String(setup.seed);
  renderOptimizerCards(el('optimizers'), setup.optimizers, (next) => {
    setup = { ...setup, optimizers: next };
    renderForm();
    writeUrl();
  });
}

function bindForm(): void {
  el<HTMLSelectElement>('model').addEventListener('change', (e) => {
    setup = { ...setup, model: (e.target as HTMLSelectElement).value as ModelChoice };
    writeUrl();
  });
  el<HTMLSelectElement>('backend').addEventListener('change', (e) => {
    setup = { ...setup, backend: (e.target as HTMLSelectElement).value as BackendChoice };
    writeUrl();
  });
  for (const key of ['trainSize', 'batchSize', 'steps', 'seed'] as const) {
    const input = el<HTMLInputElement>(key);
    input.addEventListener('change', () => {
      const v = Number(input.value);
      if (!Number.isInteger(v) || !input.checkValidity()) {
        input.setCustomValidity(`${key} must be an integer in [${input.min}, ${input.max || '∞'}], got '${input.value}'`);
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
      setup = { ...setup, [key]: v };
      writeUrl();
    });
  }
  el<HTMLButtonElement>('add-optimizer').addEventListener('click', () => {
    setup = { ...setup, optimizers: [...setup.optimizers, { name: 'sgd', options: { momentum: 0.9, lr: 0.05 } }] };
    renderForm();
    writeUrl();
  });
}

function showBackend(): void {
  el('backend-label').textContent = backendLines().join('\n');
}

async function start(): Promise<void> {
  if (comparison && comparison.current === 'paused') {
    comparison.start();
    return;
  }
  reset();
  showStatus('loading', 'loading the embedded digits …');
  startButton.disabled = true;
  try {
    setBackend(createPageBackend(setup.backend));
    const data = await digitsTaskData(setup.trainSize, TEST_IMAGES);
    charts = new CompareCharts(el('charts'), setup.optimizers.map((o, i) => `${i + 1}. ${o.name}`));
    comparison = new Comparison(setup, data, {
      onRecords(runs) {
        charts?.update(runs);
        showBackend();
        const losses = runs.map((r) => `${r.label} loss ${r.steps.at(-1)?.loss.toFixed(4) ?? '–'}`).join(' · ');
        showStatus(comparison?.current ?? 'running', `${comparison?.current ?? 'running'} — step ${Math.max(...runs.map((r) => r.trainer.step))}/${setup.steps} — ${losses} — chart redraw ${charts?.meanRedrawMs().toFixed(2)} ms`);
      },
      onStatus(s) {
        pauseButton.disabled = s !== 'running';
        startButton.disabled = s === 'running' || s === 'finished';
        startButton.textContent = s === 'paused' ? 'resume' : 'start';
        exportButton.disabled = false;
        status.dataset.status = s;
      },
      onError(e) {
        showStatus('error', `error: ${e.message}`);
      },
    });
    comparison.start();
  } catch (e) {
    startButton.disabled = false;
    showStatus('error', `error: ${(e as Error).message}`);
  }
}

function reset(): void {
  comparison?.dispose();
  comparison = null;
  charts?.destroy();
  charts = null;
  el('charts').replaceChildren();
  startButton.disabled = false;
  startButton.textContent = 'start';
  pauseButton.disabled = true;
  exportButton.disabled = true;
  showStatus('idle');
}

function exportRun(): void {
  if (!comparison) return;
  const bytes = exportZip(setup, location.href, comparison.runs);
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `gapkit-playground-${setup.optimizers.map((o) => o.name).join('-vs-')}.zip`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function selfTest(): SelfTestCase[] {
  const out = el<HTMLPreElement>('self-test-result');
  const mode = bestGlMode(PAGE_GPU);
  if (mode === null) {
    out.textContent = 'no WebGL in this page: the gpu.js backends are unavailable';
    out.dataset.pass = 'unavailable';
    return [];
  }
  const gpu = createBrowserGpuJsBackend(PAGE_GPU, { mode });
  try {
    const cases = runSelfTest(gpu);
    const executors = gpu.describe()['gpujs.executors'];
    out.textContent = [
      `gpujs-${mode} (${executors}) vs cpu (plain TypeScript):`,
      ...cases.map((c) => `${c.pass ? 'PASS' : 'FAIL'} ${c.kernel} ${c.shape}: max |Δ| ${c.maxAbsError.toExponential(2)} ≤ ${c.tolerance.toExponential(2)}`),
    ].join('\n');
    out.dataset.pass = String(cases.every((c) => c.pass));
    lastSelfTest = cases;
    return cases;
  } finally {
    gpu.dispose?.();
  }
}

function showIsolation(): void {
  const caps = pageCapabilities();
  el('capabilities').textContent = Object.entries(caps)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  el('isolation').textContent =
    globalThis.crossOriginIsolated === true
      ? 'This page is cross-origin isolated (COOP/COEP headers): the WebAssembly engine can run on two threads (wasm-2t).'
      : 'This page is not cross-origin isolated (the server sent no Cross-Origin-Opener-Policy: same-origin / Cross-Origin-Embedder-Policy: require-corp): there is no SharedArrayBuffer, so wasm-2t runs on one thread and auto does not offer it.';
}

/** Read-only hooks for the browser test and the console. */
const hooks = {
  status: () => status.dataset.status ?? '',
  losses: () => comparison?.runs.map((r) => r.steps.map((s) => s.loss)) ?? [],
  accuracies: () => comparison?.runs.map((r) => r.evals.map((e) => e.accuracy ?? Number.NaN)) ?? [],
  backend: () => backendLines(),
  selfTest: () => lastSelfTest,
};
(globalThis as { gapkitPlayground?: typeof hooks }).gapkitPlayground = hooks;

for (const p of parsed.problems) console.warn(p);
if (parsed.problems.length > 0) showStatus('idle', `ignored in the URL: ${parsed.problems.join('; ')}`);
renderForm();
bindForm();
writeUrl();
showIsolation();
startButton.addEventListener('click', () => void start());
pauseButton.addEventListener('click', () => comparison?.pause());
el<HTMLButtonElement>('reset').addEventListener('click', reset);
exportButton.addEventListener('click', exportRun);
el<HTMLButtonElement>('self-test').addEventListener('click', () => {
  try {
    selfTest();
  } catch (e) {
    el('self-test-result').textContent = `error: ${(e as Error).message}`;
  }
});
const host = el('explorables');
for (const spec of [padamExplorable, ndAdamExplorable, adamsExplorable, lawnExplorable]) mountExplorable(host, spec);
