/**
 * A counterexample as a runnable TypeScript snippet: the parameter specs, the gradient stream and the
 * optimizers, so a failing property can be pasted into a test and replayed without fast-check.
 */
import type { GradientStream } from './gradient-stream.js';
import type { ParamSpec } from './param-set.js';

/** float32 values written so they read back bit-exactly (shortest round-trip decimal of the float32). */
function floats(values: Float32Array): string {
  return `new Float32Array([${Array.from(values, (v) => (Object.is(v, -0) ? '-0' : String(v))).join(', ')}])`;
}

export function specsSnippet(specs: readonly ParamSpec[]): string {
  const rows = specs.map((s) => {
    const axes = s.unitAxes ? `, unitAxes: [${s.unitAxes.join(', ')}]` : '';
    return `  { name: '${s.name}', shape: [${s.shape.join(', ')}], role: '${s.role}'${axes}, values: ${floats(s.values)} },`;
  });
  return `const specs: ParamSpec[] = [\n${rows.join('\n')}\n];`;
}

export function streamSnippet(stream: GradientStream): string {
  const steps = stream.map((step) => `  [${step.map((g) => (g === null ? 'null' : floats(g))).join(', ')}],`);
  return `const stream: GradientStream = [\n${steps.join('\n')}\n];`;
}

/** What a law compared, for the snippet's trailing comment. */
export interface Mismatch {
  /** 1-based step at which the law first failed. */
  readonly step: number;
  readonly tensor: string;
  readonly index: number;
  readonly detail: string;
}

/** The whole replayable snippet: imports, specs, stream, the optimizers' calls and the mismatch. */
export function counterexampleSnippet(args: {
  readonly specs: readonly ParamSpec[];
  readonly stream: GradientStream;
  readonly calls: readonly string[];
  readonly mismatch: Mismatch;
}): string {
  return [
    "import { type GradientStream, type ParamSpec, trajectory } from '@gapkit/testing';",
    specsSnippet(args.specs),
    streamSnippet(args.stream),
    ...args.calls,
    `// step ${args.mismatch.step}, tensor '${args.mismatch.tensor}' [${args.mismatch.index}]: ${args.mismatch.detail}`,
  ].join('\n');
}
