/**
 * A sweep's folder: `sweep.yaml` (the sweep file as given), `runs.json` (every run: key, grid point,
 * seed, config), `runs/<key>/` (run folders of local runs), `results/<key>.json` (one per finished run,
 * from a local run or a queue job's return value), `failed/<key>.json`, then `sweep.md` and the plots.
 * Every file is written atomically; a result is saved once per run key (the first one wins).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { RunSpec } from './expand-sweep.js';
import type { RunOutcome } from './run-outcome.js';
import type { SweepFile } from './sweep-file.js';

export class SweepFolder {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  get runsDir(): string {
    return join(this.dir, 'runs');
  }

  init(sweep: SweepFile, runs: readonly RunSpec[]): void {
    mkdirSync(join(this.dir, 'results'), { recursive: true });
    mkdirSync(join(this.dir, 'failed'), { recursive: true });
    if (!existsSync(join(this.dir, 'sweep.yaml'))) copyFileSync(sweep.file, join(this.dir, 'sweep.yaml'));
    writeFileAtomic(join(this.dir, 'runs.json'), `${JSON.stringify(runs, null, 1)}\n`);
  }

  private read(sub: string): Map<string, RunOutcome> {
    const out = new Map<string, RunOutcome>();
    const d = join(this.dir, sub);
    if (!existsSync(d)) return out;
    for (const f of readdirSync(d).filter((x) => x.endsWith('.json')).sort()) {
      const r = JSON.parse(readFileSync(join(d, f), 'utf8')) as RunOutcome;
      out.set(r.key, r);
    }
    return out;
  }

  results(): Map<string, RunOutcome> {
    return this.read('results');
  }

  failures(): Map<string, RunOutcome> {
    return this.read('failed');
  }

  /** Saves an outcome unless one for its key is already saved; returns whether it was new. */
  save(o: RunOutcome): boolean {
    const done = join(this.dir, 'results', `${o.key}.json`);
    if (existsSync(done)) return false;
    if (o.status === 'done') {
      writeFileAtomic(done, `${JSON.stringify(o)}\n`);
      rmSync(join(this.dir, 'failed', `${o.key}.json`), { force: true });
      return true;
    }
    const failed = join(this.dir, 'failed', `${o.key}.json`);
    if (existsSync(failed) && (JSON.parse(readFileSync(failed, 'utf8')) as RunOutcome).error === o.error) return false;
    writeFileAtomic(failed, `${JSON.stringify(o)}\n`);
    return true;
  }

  /** Forgets earlier failures so a re-run tries those runs again. */
  clearFailures(): void {
    rmSync(join(this.dir, 'failed'), { recursive: true, force: true });
    mkdirSync(join(this.dir, 'failed'), { recursive: true });
  }

  /** A local run folder holding something but no result: started, not finished. */
  started(key: string): boolean {
    const d = join(this.runsDir, key);
    return existsSync(d) && readdirSync(d).length > 0;
  }
}
