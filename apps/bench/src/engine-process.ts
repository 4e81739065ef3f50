/** The parent's handle on one engine child process (fork + IPC, same tsx/conditions flags). */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { COMPILED_CHILD, splitCompiled } from './compiled.js';
import type { Reply, Request } from './protocol.js';

// Source runs (tsx) fork child.ts; a compiled build forks child.js.
const CHILD = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './child.ts' : './child.js', import.meta.url));

type ResultReply = Extract<Reply, { type: 'result' }>;

/** One engine in its own process. */
export class EngineProcess {
  private readonly child: ChildProcess;
  private readonly output: string[] = [];
  private pending: { resolve: (r: Reply) => void; reject: (e: Error) => void } | null = null;
  describe: Record<string, string> = {};
  readonly engine: string;

  private constructor(engine: string) {
    this.engine = engine;
    // `<engine>@node-dist`: the compiled child under plain node (compiled.ts)
    const compiled = splitCompiled(engine).compiled;
    this.child = fork(compiled ? COMPILED_CHILD : CHILD, [], { execArgv: compiled ? [] : process.execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const keep = (b: Buffer) => {
      this.output.push(b.toString());
      if (this.output.length > 50) this.output.shift();
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.child.on('message', (m: Reply) => {
      const p = this.pending;
      this.pending = null;
      p?.resolve(m);
    });
    this.child.on('exit', (code) => {
      const p = this.pending;
      this.pending = null;
      p?.reject(new Error(`${this.engine} child exited (code ${code}):\n${this.output.join('').slice(-2000)}`));
    });
  }

  /** Forks the child and builds the engine in it. */
  static async start(engine: string): Promise<EngineProcess> {
    const p = new EngineProcess(engine);
    const r = await p.request({ type: 'init', engine: splitCompiled(engine).engine });
    if (r.type !== 'ready') throw new Error(`${engine}: unexpected reply ${r.type}`);
    p.describe = r.describe;
    return p;
  }

  private request(req: Request): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.send(req);
    }).then((r) => {
      if (r.type === 'error') throw new Error(`${this.engine}: ${r.message}`);
      return r;
    });
  }

  /** Runs a workload in the child. */
  async run(workload: string, warmup: number, s: { slowMs: number; reuseWarmupMs: number; maxReps: number; budgetMs: number }): Promise<ResultReply> {
    const r = await this.request({ type: 'run', workload, warmup, warmupCapMs: s.slowMs, reuseWarmupMs: s.reuseWarmupMs, maxReps: s.maxReps, budgetMs: s.budgetMs });
    if (r.type !== 'result') throw new Error(`${this.engine}: unexpected reply ${r.type}`);
    this.describe = r.describe;
    return r;
  }

  /** Asks the child to exit and waits for it. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.pending = null;
    this.child.send({ type: 'exit' } satisfies Request);
    await exited;
  }
}
