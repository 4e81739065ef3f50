/** Command-line options of `pnpm bench`. */
import { ALL_ENGINES } from './engines.js';
import { WORKLOADS } from './workloads.js';

export interface BenchArgs {
  readonly quick: boolean;
  readonly json: string | null;
  readonly engines: readonly string[];
  readonly workloads: readonly string[];
  readonly help: boolean;
}

export const HELP = `pnpm bench [options]

Benchmarks every gapkit backend against TensorFlow.js (tfjs-backend-cpu, tfjs-backend-wasm) in one
run: engines interleaved in shuffled rounds, median of the repetitions after warm-up, printed as a
table with ratios; training workloads run in a fresh child process each, for their own peak RSS.

Options:
  --quick              a few repetitions each, one round (a smoke run of a few minutes)
  --json FILE          also write {"results": [{workload, engine, medianMs, minMs, maxMs, peakRssMb?}]}
  --engines a,b,...    engines to run (default: all available)
                       ${ALL_ENGINES.join(', ')}
  --workloads a,b,...  workloads to run (default: all)
                       ${WORKLOADS.map((w) => w.name).join(', ')}
  --help               this text
`;

/** Parses argv (without node and script); throws on unknown options or names. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let json: string | null = null;
  let engines: string[] = [...ALL_ENGINES];
  let workloads: string[] = WORKLOADS.map((w) => w.name);
  let help = false;
  const list = (v: string | undefined, known: readonly string[], what: string): string[] => {
    if (v === undefined) throw new Error(`--${what} needs a comma-separated list`);
    const xs = v.split(',').filter((x) => x.length > 0);
    for (const x of xs) if (!known.includes(x)) throw new Error(`unknown ${what.slice(0, -1)} '${x}' (known: ${known.join(', ')})`);
    return xs;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    else if (a === '--quick') quick = true;
    else if (a === '--help' || a === '-h') help = true;
    else if (a === '--json') {
      json = argv[++i] ?? null;
      if (json === null || json.startsWith('--')) throw new Error('--json needs a file name');
    } else if (a === '--engines') engines = list(argv[++i], ALL_ENGINES, 'engines');
    else if (a === '--workloads') workloads = list(argv[++i], WORKLOADS.map((w) => w.name), 'workloads');
    else throw new Error(`unknown option '${a}' (see --help)`);
  }
  return { quick, json, engines, workloads, help };
}
