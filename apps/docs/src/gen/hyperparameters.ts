/**
 * Writes one markdown table per registered optimizer — every hyperparameter with its paper symbol,
 * range, default and source, then its variants — read from `@gapkit/optimizers`' registry, so the
 * site's tables cannot drift from the code. Paper pages include them with
 * `<!--@include: ../.generated/hyperparameters/<name>.md-->`.
 */
import { type HyperParameter, type HyperValue, REGISTRY, type RegistryEntry } from '@gapkit/optimizers';
import { cell, code, table } from './markdown-text.js';

interface BoundLike {
  readonly value: number;
  readonly open?: boolean;
}

function bound(b: BoundLike, lower: boolean): string {
  if (b.value === Number.POSITIVE_INFINITY) return '∞)';
  if (b.value === Number.NEGATIVE_INFINITY) return '(−∞';
  return lower ? `${b.open ? '(' : '['}${b.value}` : `${b.value}${b.open ? ')' : ']'}`;
}

/** The allowed values of a hyperparameter, as the validator states them. */
export function rangeText(h: HyperParameter): string {
  switch (h.kind) {
    case 'number': {
      const r = `${bound(h.min, true)}, ${bound(h.max, false)}`;
      const extras = [h.integer ? 'integer' : '', h.schedulable ? 'or a schedule' : '', h.nullable ? 'or null (derived)' : ''].filter((x) => x !== '');
      return extras.length > 0 ? `${r}, ${extras.join(', ')}` : r;
    }
    case 'boolean':
      return 'true / false';
    case 'choice':
      return h.choices.map((c) => `'${c}'`).join(' / ');
    case 'text':
      return 'text';
    case 'names':
      return 'parameter names';
  }
}

/** A default as the code writes it (`—` when the option has none). */
export function valueText(v: HyperValue | undefined): string {
  if (v === undefined) return '—';
  if (typeof v === 'string') return `'${v}'`;
  return JSON.stringify(v);
}

function hyperRow(h: HyperParameter): string[] {
  const ref = h.reference ? `${h.reference.key}${h.reference.index !== undefined ? `[${h.reference.index}]` : ''}` : '—';
  return [code(h.key), cell(h.symbol), cell(rangeText(h)), code(valueText(h.default)), cell(h.source), cell(h.description), h.scope, ref === '—' ? ref : code(ref)];
}

/** The markdown of one entry's tables. */
export function hyperparameterTables(entry: RegistryEntry): string {
  const fixed = Object.entries(entry.fixed);
  const parts = [
    `**${cell(entry.title)}** (registry name ${code(entry.name)}, file ${code(`packages/optimizers/${entry.file}`)}, conformance name ${code(entry.reference.optimizer)})` +
      `${fixed.length > 0 ? `; fixed: ${fixed.map(([k, v]) => code(`${k} = ${valueText(v)}`)).join(', ')}` : ''}. Generated from the optimizer registry at build time.\n`,
    table(['option', 'symbol', 'range', 'default', 'source of the default', 'what it does', 'scope', 'conformance key'], entry.hyperparameters.map(hyperRow)),
    `\nVariants of ${cell(entry.title)} (the first is the default):\n`,
    table(
      ['variant', 'settings', 'what', 'source'],
      entry.variants.map((v) => [code(v.name), Object.keys(v.settings).length === 0 ? 'defaults' : code(JSON.stringify(v.settings)), cell(v.description), cell(v.source)]),
    ),
  ];
  return parts.join('\n');
}

/** File name → markdown, one per registered optimizer. */
export function hyperparameterPages(): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of REGISTRY.values()) out.set(`${entry.name}.md`, hyperparameterTables(entry));
  return out;
}
