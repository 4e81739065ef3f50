/**
 * One sweep worker process (`pool-child.ts`), forked with this process's Node flags (so it runs from
 * sources under tsx as from the build), running one run at a time. A child that dies mid-run yields a
 * failed outcome saying so, and the next run gets a fresh child.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RunSpec } from './expand-sweep.js';
import type { RunPlace } from './run-one.js';
import { failedOutcome, type RunOutcome } from './run-outcome.js';
import { siblingModule } from './sibling-module.js';

/** Set on outcomes of runs whose process died: worth retrying (the run resumes from its checkpoint). */
export const DIED = 'worker process died';

export class ChildRunner {
  private child: ChildProcess | null = null;

  private spawn(): ChildProcess {
    const c = fork(fileURLToPath(siblingModule(import.meta.url, 'pool-child')), [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    c.on('exit', () => {
      if (this.child === c) this.child = null;
    });
    return c;
  }

  /** Starts the process if it is not running; returns its pid. */
  start(): number {
    this.child ??= this.spawn();
    return this.child.pid ?? -1;
  }

  run(spec: RunSpec, place: RunPlace): Promise<RunOutcome> {
    this.child ??= this.spawn();
    const c = this.child;
    const t0 = performance.now();
    return new Promise((resolve) => {
      const onMessage = (m: RunOutcome) => {
        c.off('exit', onExit);
        resolve(m);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        c.off('message', onMessage);
        resolve(failedOutcome(spec, `${DIED} (${signal ?? `exit code ${code}`}) during the run`, (performance.now() - t0) / 1000, `${hostname()}:${c.pid}`));
      };
      c.once('message', onMessage);
      c.once('exit', onExit);
      c.send({ spec, place });
    });
  }

  /** Lets the process end after its current run (closes the channel). */
  close(): void {
    this.child?.disconnect();
    this.child = null;
  }

  /** Ends the process now, mid-run or not (its run resumes from its last checkpoint when retried). */
  terminate(): void {
    this.child?.kill('SIGTERM');
    this.child = null;
  }
}
