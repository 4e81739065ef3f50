#!/usr/bin/env node
/**
 * Properties that can fail: applies each deliberately broken rule below to the optimizer sources (a
 * text edit, in place), runs the optimizer tests with CI's fixed fast-check seed, restores the file,
 * and prints the table "mutation → tests that fail" (Markdown, also written to test/laws/MUTANTS.md).
 * A mutation no test kills is a missing property. Slow (one test run per mutation); not part of CI.
 *
 *   node scripts/mutants.mjs                 # every mutation, the whole optimizer suite
 *   node scripts/mutants.mjs --only padam-eps-outside,lawn-no-rescale
 *   node scripts/mutants.mjs --tests test/laws   # only the law files (faster)
 *
 * Every edit is undone in a `finally` (and on SIGINT/SIGTERM) from the bytes read before editing; at
 * the end the script checks `git diff --quiet -- src/` and fails loudly if the sources differ.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each mutation: one exact text, found exactly once in `file`, replaced. */
export const MUTANTS = [
  { id: 'padam-eps-outside', file: 'src/papers/padam.ts', what: "Padam: ε outside the power, (√v)^{2p} + ε instead of (√v + ε)^{2p}", find: '/ (Math.sqrt(vt) + h.eps) ** twoP;', replace: '/ (Math.sqrt(vt) ** twoP + h.eps);' },
  { id: 'padam-code-bias-off', file: 'src/papers/padam.ts', what: "Padam: the code's bias correction √(1−β₂ᵗ)/(1−β₁ᵗ) off", find: "    case 'code':\n      return Math.sqrt(1 - h.beta2 ** t) / (1 - h.beta1 ** t);", replace: "    case 'code':\n      return 1;" },
  { id: 'padam-no-max', file: 'src/papers/padam.ts', what: 'Padam: AMSGrad max dropped (v̂ = v)', find: 'if (s.vHat) vt = s.vHat[i] = Math.max(s.vHat[i], vt); // (L3)', replace: 'if (s.vHat) vt = s.vHat[i] = vt; // (L3)' },
  { id: 'adam-bias-off', file: 'src/baselines/adam.ts', what: 'Adam: first-moment bias correction off (m instead of m/(1−β₁ᵗ))', find: 'return s.m[i] / c1 / (Math.sqrt(vt) / c2 + h.eps);', replace: 'return s.m[i] / (Math.sqrt(vt) / c2 + h.eps);' },
  { id: 'adam-eps-hat', file: 'src/baselines/adam.ts', what: 'Adam: ε-hat placement √(v̂) + ε → (√v + ε)/√(1−β₂ᵗ)', find: 'return s.m[i] / c1 / (Math.sqrt(vt) / c2 + h.eps);', replace: 'return s.m[i] / c1 / ((Math.sqrt(vt) + h.eps) / c2);' },
  { id: 'amsgrad-no-max', file: 'src/baselines/adam.ts', what: 'AMSGrad: max dropped (v_max = v)', find: 'if (s.vMax) s.vMax[i] = Math.max(s.vMax[i], s.v[i]); // (L4)', replace: 'if (s.vMax) s.vMax[i] = s.v[i]; // (L4)' },
  { id: 'ndadam-no-projection', file: 'src/papers/nd-adam.ts', what: 'ND-Adam: tangent projection missing (g instead of g − ⟨g, w⟩w)', find: 'const gp = gu[j] - gw * wu[j]; // (L2)', replace: 'const gp = gu[j]; // (L2)' },
  { id: 'ndadam-no-renormalize', file: 'src/papers/nd-adam.ts', what: 'ND-Adam: renormalization after the step missing', find: 'if (n > 0) for (let j = 0; j < wu.length; j++) wu[j] /= n; // (L7)', replace: 'if (n < 0) for (let j = 0; j < wu.length; j++) wu[j] /= n; // (L7)' },
  { id: 'ndadam-v-per-element', file: 'src/papers/nd-adam.ts', what: 'ND-Adam: v fed the last element’s g⊥² instead of ‖g⊥‖² (not one scalar per unit)', find: '      gg += gp * gp;', replace: '      gg = gp * gp;' },
  { id: 'lawn-no-g-projection', file: 'src/papers/lawn.ts', what: 'LAWN: g not projected onto the tangent space (L3)', find: 'projectTangent(g, w, gp); // (L3)', replace: 'gp.set(g); // (L3)' },
  { id: 'lawn-no-r-projection', file: 'src/papers/lawn.ts', what: 'LAWN: r not projected (L5)', find: 'projectTangent(r, w, r); // (L5)', replace: '// (L5) dropped' },
  { id: 'lawn-no-rescale', file: 'src/papers/lawn.ts', what: 'LAWN: rescale to c_ℓ dropped (L7)', find: 'const k = n > 0 ? c / n : 1;', replace: 'const k = 1;' },
  { id: 'adams-vbar-one-tensor', file: 'src/papers/adams.ts', what: 'AdamS: v̄ over the last tensor instead of all', find: 'sum += adamSSecondMomentSum(g, s, h.amsgrad ? (s.vMax ?? s.v) : null, h);\n        count += p.size;', replace: 'sum = adamSSecondMomentSum(g, s, h.amsgrad ? (s.vMax ?? s.v) : null, h);\n        count = p.size;' },
  { id: 'adams-decay-unscaled', file: 'src/papers/adams.ts', what: 'AdamS: decay ηλ instead of ηλ/√v̄ (AdamW)', find: 'const keep = h.weightDecay !== 0 ? 1 - (h.lr * h.weightDecay) / sqrtVBar : 1;', replace: 'const keep = h.weightDecay !== 0 ? 1 - h.lr * h.weightDecay : 1;' },
  { id: 'sgd-no-dampening-quirk', file: 'src/baselines/sgd.ts', what: 'SGD: first-step dampening quirk removed (buffer damped at step 1)', find: 'const b = s.hasBuf ? mu * s.b[i] + (1 - h.dampening) * d : d; // (L2)', replace: 'const b = mu * s.b[i] + (1 - h.dampening) * d; // (L2)' },
  { id: 'sgds-no-dampening', file: 'src/papers/sgds.ts', what: 'SGDS: decay multiplier without (1 − τ)', find: 'return 1 - ((1 - h.dampening) / (1 - h.momentum)) * h.lr * h.weightDecay;', replace: 'return 1 - (1 / (1 - h.momentum)) * h.lr * h.weightDecay;' },
  { id: 'radam-threshold-4', file: 'src/baselines/radam.ts', what: 'RAdam: warm-up threshold ρ_t ≥ 5 changed to ρ_t ≥ 4', find: 'if (rho >= 5) {', replace: 'if (rho >= 4) {' },
  { id: 'lamb-phi-ignored', file: 'src/baselines/lamb.ts', what: "LAMB: φ = 'min10' ignored (always identity)", find: "return phi === 'identity' ? z : Math.min(z, 10);", replace: 'return z;' },
  { id: 'cosine-half', file: 'src/schedule.ts', what: 'cosine schedule: π·x/T replaced by π·x/(2T) (wrong half-period)', find: 'return lo + (spec.base - lo) * 0.5 * (1 + Math.cos((Math.PI * e) / spec.total));', replace: 'return lo + (spec.base - lo) * 0.5 * (1 + Math.cos((Math.PI * e) / (2 * spec.total)));' },
];

function arg(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const only = arg('--only')?.split(',');
const tests = arg('--tests')?.split(',') ?? [];
const selected = only ? MUTANTS.filter((m) => only.includes(m.id)) : MUTANTS;
if (only && selected.length !== only.length) {
  const known = new Set(MUTANTS.map((m) => m.id));
  throw new Error(`mutants: unknown --only ids ${only.filter((id) => !known.has(id)).join(', ')} (known: ${[...known].join(', ')})`);
}

let restore = null;
const onSignal = (sig) => {
  if (restore) restore();
  process.exit(sig === 'SIGINT' ? 130 : 143);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

/** Runs the optimizer tests; returns the failing tests' full names (file › describe › test) and the wall time. */
function runTests() {
  const t0 = Date.now();
  const report = join(pkg, '.vitest-report.json');
  const r = spawnSync('pnpm', ['exec', 'vitest', 'run', ...tests], { cwd: pkg, env: { ...process.env, CI: 'true' }, encoding: 'utf8' });
  const seconds = (Date.now() - t0) / 1000;
  if (!existsSync(report)) throw new Error(`mutants: vitest wrote no ${report} (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const failed = [];
  for (const file of json.testResults ?? []) {
    const rel = file.name.slice(pkg.length + 1);
    const results = file.assertionResults ?? [];
    if (file.status === 'failed' && results.every((a) => a.status !== 'failed')) failed.push(`${rel} (did not load: ${String(file.message).split('\n')[0].slice(0, 120)})`);
    for (const a of results) if (a.status === 'failed') failed.push(`${rel} › ${a.fullName}`);
  }
  return { failed, seconds, total: json.numTotalTests };
}

function writeAtomically(path, text) {
  const tmp = `${path}.mutants-tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

const rows = [];
const baseline = runTests();
if (baseline.failed.length > 0) throw new Error(`mutants: the unmutated suite fails already:\n${baseline.failed.join('\n')}`);
console.log(`baseline: ${baseline.total} tests pass (${baseline.seconds.toFixed(1)} s)`);
for (const m of selected) {
  const path = join(pkg, m.file);
  const original = readFileSync(path, 'utf8');
  const count = original.split(m.find).length - 1;
  if (count !== 1) {
    rows.push({ m, failed: null, note: `the text to mutate occurs ${count} times (the source changed; update the mutation)` });
    console.log(`${m.id}: NOT APPLIED (${count} matches)`);
    continue;
  }
  restore = () => writeFileSync(path, original);
  try {
    writeAtomically(path, original.replace(m.find, m.replace));
    const r = runTests();
    rows.push({ m, failed: r.failed, note: `${r.seconds.toFixed(0)} s` });
    console.log(`${m.id}: ${r.failed.length} failing test(s) (${r.seconds.toFixed(1)} s)`);
  } finally {
    restore();
    restore = null;
  }
}

const clean = spawnSync('git', ['diff', '--quiet', '--', 'src/'], { cwd: pkg });
if (clean.status !== 0) throw new Error('mutants: src/ differs from git after restoring every mutation — inspect `git diff -- src/` now');

const lawsOf = (failed) => {
  const laws = failed.filter((f) => f.startsWith('test/laws/'));
  const other = failed.length - laws.length;
  // a table cell: '|' (as in |‖w‖ − c|) would end it
  const short = laws.map((f) => f.replace(/^test\/laws\//, '').replace(/\.laws\.test\.ts › /, ': ').replaceAll('|', '\\|'));
  return `${short.length ? short.join('<br>') : '—'}${other ? `<br>(+ ${other} example/other test${other === 1 ? '' : 's'})` : ''}`;
};
const lines = [
  '# Mutation table: which properties kill which broken rule',
  '',
  `Generated by \`node packages/optimizers/scripts/mutants.mjs${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 10)} ` +
    `(CI's fixed fast-check seed; baseline ${baseline.total} tests, all passing). Each row is one deliberate bug in \`src/\`, ` +
    'applied in place and restored; the right column lists the law tests that failed (file: describe test), then how many ' +
    'example tests failed besides. A row with no law is a property still missing.',
  '',
  '| mutation | broken rule | killed by |',
  '| --- | --- | --- |',
  ...rows.map(({ m, failed, note }) => `| \`${m.id}\` | ${m.what} (\`${m.file}\`) | ${failed === null ? `NOT APPLIED: ${note}` : failed.length === 0 ? '**survived**' : lawsOf(failed)} |`),
  '',
  `Killed: ${rows.filter((r) => r.failed && r.failed.length > 0).length} of ${rows.length}.`,
  '',
];
const table = lines.join('\n');
console.log(`\n${table}`);
if (!only) writeAtomically(join(pkg, 'test/laws/MUTANTS.md'), table);
