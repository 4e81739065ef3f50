/** `gapkit backends`: every compute backend, whether it works here, and what it reports about itself. */
import { parseArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';
import { activateBackend, BACKEND_CHOICES } from '../train/backend-option.js';
import { describeBackend, setBackend, cpuBackend } from '@gapkit/autodiff';

const usage = `usage: gapkit backends

Creates each compute backend (${BACKEND_CHOICES.join(', ')}), prints what it reports (mode, precision,
threads, which implementation serves each kernel) or why it is unavailable here, and disposes it.
'auto' times its candidates per kernel and size class on first use; its 'plan' line is the JSON of
the choices so far, which a run config can give back to use the same kernels.`;

export const command: Command = {
  name: 'backends',
  summary: 'describe the compute backends available here',
  usage,
  async run(args) {
    const { positionals } = parseArgs(args, {});
    if (positionals.length > 0) throw new UsageError(`takes no arguments, got '${positionals.join(' ')}'`);
    for (const name of BACKEND_CHOICES) {
      try {
        const { backend } = await activateBackend(name);
        const d = describeBackend();
        console.log(`${name}: available`);
        for (const [k, v] of Object.entries(d)) console.log(`    ${k}: ${v}`);
        setBackend(cpuBackend);
        backend.dispose();
      } catch (e) {
        console.log(`${name}: unavailable — ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        setBackend(cpuBackend);
      }
    }
    return 0;
  },
};
