/**
 * `gapkit models`: every model and variant of the model zoo with its trainable parameter count,
 * computed analytically from shapes (nothing is allocated, so the full-size models cost nothing).
 */
import { getModel, MODEL_NAMES, MODELS, type ModelEntry, type ModelName } from '@gapkit/model-zoo';
import { parseArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';

const SPECS = {
  classes: { kind: 'int', default: 10, min: 1, max: 1_000_000 },
  json: { kind: 'flag' },
  help: { kind: 'flag' },
} as const;

const usage = `usage: gapkit models [MODEL …] [options]

Lists every model and variant of @gapkit/model-zoo with its number of trainable parameters, and how
many of them are ND-Adam unit vectors (conv kernels and linear weights, θ^v). Image classifiers are
counted for --classes outputs; recommenders (NCF) at the table sizes named in the variant.

arguments:
  MODEL           only these registry names (default: all): ${MODEL_NAMES.join(', ')}

options:
  --classes N     number of classes for the classifiers (default 10)
  --json          print JSON (one object per variant) instead of a table
  --help          this text

example: pnpm gapkit models wrn wrn-ndadam --classes 100`;

/** One printed row. */
export interface ModelRow {
  readonly model: string;
  readonly variant: string;
  readonly kind: ModelEntry['kind'];
  readonly parameters: number;
  readonly vector: number;
  readonly source: string;
}

/** The rows for the given models at `classes` classes. */
export function modelRows(names: readonly ModelName[], classes: number): ModelRow[] {
  const rows: ModelRow[] = [];
  for (const name of names) {
    const entry = getModel(name);
    const counts =
      entry.kind === 'classifier'
        ? entry.variants.map((v) => ({ label: v.label, count: entry.count({ ...v.options, numClasses: classes }) }))
        : entry.variants.map((v) => ({ label: v.label, count: entry.count(v.options) }));
    for (const { label, count } of counts) {
      rows.push({ model: name, variant: label, kind: entry.kind, parameters: count.total, vector: count.vector, source: entry.source });
    }
  }
  return rows;
}

function table(rows: readonly ModelRow[], classes: number): string {
  const fmt = (n: number) => n.toLocaleString('en-US');
  const head = ['model', 'variant', 'parameters', 'θ^v (vectors)', 'source'];
  const cells = rows.map((r) => [r.model, r.variant, fmt(r.parameters), fmt(r.vector), r.source]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: readonly string[]) =>
    c
      .map((s, i) => (i === 2 || i === 3 ? s.padStart(widths[i]) : i === c.length - 1 ? s : s.padEnd(widths[i])))
      .join('  ');
  return [
    `Trainable parameters; classifiers at ${classes} classes, recommenders at the table sizes named.`,
    '',
    line(head),
    line(widths.map((w, i) => (i === head.length - 1 ? '-'.repeat(head[i].length) : '-'.repeat(w)))),
    ...cells.map(line),
  ].join('\n');
}

/** `gapkit models [MODEL …] [--classes N] [--json]`. */
export const command: Command = {
  name: 'models',
  summary: 'list every model and variant with its parameter count',
  usage,
  async run(args) {
    const { options, positionals } = parseArgs(args, SPECS);
    if (options.help) {
      console.log(usage);
      return 0;
    }
    for (const p of positionals) {
      if (!Object.hasOwn(MODELS, p)) throw new UsageError(`unknown model '${p}' (known: ${MODEL_NAMES.join(', ')})`);
    }
    const names = positionals.length > 0 ? (positionals as ModelName[]) : MODEL_NAMES;
    const classes = options.classes ?? 10;
    const rows = modelRows(names, classes);
    console.log(options.json ? JSON.stringify(rows, null, 2) : table(rows, classes));
    return 0;
  },
};
