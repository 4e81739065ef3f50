/** Command-line options of `pnpm bench`, read with the CLI's parser (`@gapkit/cli/args`). */
import { parseArgs as parseOptions, UsageError } from '@gapkit/cli/args';
import { ALL_ENGINES } from './engines.js';
import { DEFAULT_DATA_DIR } from '@gapkit/cli/load-data';
import { TRAINER_WORKLOAD_NAMES } from './trainer-workloads.js';
import { WORKLOADS } from './workloads.js';

export { UsageError };

export interface BenchArgs {
  readonly quick: boolean;
  readonly json: string | null;
  readonly engines: readonly string[];
  readonly workloads: readonly string[];
  /** Folder holding the real data sets (`cifar10/` for the epoch workload). */
  readonly dataDir: string;
  readonly help: boolean;
}

const WORKLOAD_NAMES = [...WORKLOADS.map((w) => w.name), ...TRAINER_WORKLOAD_NAMES];

const SPECS = {
  quick: { kind: 'flag' },
  json: { kind: 'string' },
  engines: { kind: 'list', default: ALL_ENGINES, choices: ALL_ENGINES },
  workloads: { kind: 'list', default: WORKLOAD_NAMES, choices: WORKLOAD_NAMES },
  'data-dir': { kind: 'string' },
  help: { kind: 'flag', short: 'h' },
} as const;

export const HELP = `pnpm bench [options]

Benchmarks every gapkit backend against TensorFlow.js (tfjs-backend-cpu, tfjs-backend-wasm) in one
run: engines interleaved in shuffled rounds, median of the repetitions after warm-up, printed as a
table with ratios; training workloads run in a fresh child process each, for their own peak RSS.
Every registry optimizer's step over ResNet-18's shapes runs beside its bandwidth probe, and against
PyTorch's torch.optim (torch, torch-foreach) when /usr/bin/python3 or python3 imports torch; PyTorch
(one thread) also runs the two training steps and the epoch of the CIFAR recipe, as a peer.

Options:
  --quick              a few repetitions each, one round (a smoke run of a few minutes)
  --json FILE          also write {"results": [{workload, engine, medianMs, minMs, maxMs, peakRssMb?}]}
  --engines a,b,...    engines to run (default: all available)
                       ${ALL_ENGINES.join(', ')}
  --workloads a,b,...  workloads to run (default: all)
                       ${WORKLOAD_NAMES.join(', ')}
  --data-dir DIR       folder with the real data sets: epoch-resnet8-cifar5k-b128 reads DIR/cifar10
                       (default ${DEFAULT_DATA_DIR}, as gapkit's; the workload is skipped, with the reason, without it)
  --help, -h           this text

A bad option or name is a usage error: the message, then exit status 2.
`;

/**
 * Parses argv (without node and script). A leading `--` (pnpm's separator in `pnpm bench -- …`) is
 * skipped.
 * @throws UsageError on unknown options, names or missing values.
 */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  const { options, positionals } = parseOptions(args, SPECS);
  if (positionals.length > 0) throw new UsageError(`pnpm bench takes no arguments besides options, got '${positionals.join(' ')}'`);
  return { quick: options.quick, json: options.json ?? null, engines: options.engines, workloads: options.workloads, dataDir: options['data-dir'] ?? DEFAULT_DATA_DIR, help: options.help };
}
