/**
 * PyTorch as a bench engine (`torch`: foreach off, `torch-foreach`: on): a Python child speaking JSON
 * lines (torch_peer.py), one thread. It runs the optimizer steps over ResNet-18's parameter shapes
 * (taken from gapkit's model, so both step the same tensors), and (`torch` only) the ResNet-8 and NCF
 * training steps and the CIFAR recipe's epoch; each repetition is timed inside Python.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Engine, Prepared } from '../engine.js';
import { resnet18Parameters } from '../optim/prepare.js';
import { benchDataDir } from '../epoch.js';
import { NCF_SPEC, RESNET8_SPEC } from '../model-specs.js';
import type { Workload } from '../workloads.js';
import { findTorchPython } from './find-python.js';
import { torchOptimizer } from './torch-optimizers.js';

// torch_peer.py sits beside the TypeScript sources; a compiled build finds it there too.
const PEER = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../src/torch/torch_peer.py' : './torch_peer.py', import.meta.url));

type Reply = Record<string, unknown>;

class Peer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<(r: Reply) => void> = [];
  private stderr = '';

  constructor(python: string) {
    this.child = spawn(python, [PEER], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (b: Buffer) => {
      this.stderr = (this.stderr + b.toString()).slice(-2000);
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => this.waiting.shift()?.(JSON.parse(line) as Reply));
    this.child.on('exit', (code) => {
      for (const w of this.waiting.splice(0)) w({ error: `python exited (code ${code}): ${this.stderr}` });
    });
  }

  async ask(msg: Record<string, unknown>): Promise<Reply> {
    const r = await new Promise<Reply>((resolve) => {
      this.waiting.push(resolve);
      this.child.stdin.write(`${JSON.stringify(msg)}\n`);
    });
    if (typeof r.error === 'string') throw new Error(`torch: ${r.error}`);
    return r;
  }

  close(): void {
    if (this.child.exitCode === null) this.child.stdin.end(`${JSON.stringify({ cmd: 'exit' })}\n`);
  }
}

/** The engine `torch` or `torch-foreach`. */
export async function createTorchEngine(name: string): Promise<Engine> {
  const found = findTorchPython();
  if ('reason' in found) throw new Error(found.reason);
  const foreach = name === 'torch-foreach';
  const peer = new Peer(found.python);
  const hello = await peer.ask({ cmd: 'hello' });
  const describe = { python: found.python, torch: String(hello.torch), threads: String(hello.threads), foreach: String(foreach) };
  return {
    name,
    describe: () => describe,
    async prepare(w: Workload): Promise<Prepared> {
      if (w.kind === 'train' || w.kind === 'epoch') {
        const [prep, run] = w.kind === 'train' ? ['train_prepare', 'train_step'] : ['epoch_prepare', 'epoch_run'];
        const args =
          w.kind === 'train'
            ? { model: w.model, batch: w.batch, parameters: (w.model === 'resnet8' ? RESNET8_SPEC : NCF_SPEC).parameters }
            : { dataDir: benchDataDir(), batch: w.batch, trainSize: w.trainSize, parameters: RESNET8_SPEC.parameters };
        const ready = await peer.ask({ cmd: prep, ...args });
        let last = Number.NaN;
        let rss = Number.NaN;
        return {
          async run() {
            const r = await peer.ask({ cmd: run });
            last = Number(r.ms);
            rss = Number(r.peakRssMb);
          },
          ownMs: () => last,
          ownPeakRssMb: () => rss,
          describe: () => ({ 'torch.model': `${w.kind === 'train' ? w.model : 'resnet8'} (${String(ready.parameters)} parameters), Adam lr 1e-3` }),
          dispose() {},
        };
      }
      if (w.kind !== 'optimizer' || w.part !== 'step') throw new Error(`${name} runs the optimizer steps, the training steps and the epoch, not ${w.name}`);
      const spec = torchOptimizer(w.optimizer, foreach);
      if (spec === null) throw new Error(`torch.optim has no ${w.optimizer}`);
      const shapes = resnet18Parameters().map((p) => [...p.shape]);
      await peer.ask({ cmd: 'prepare', shapes, optimizer: spec.cls, kwargs: spec.kwargs });
      let last = Number.NaN;
      return {
        async run() {
          last = Number((await peer.ask({ cmd: 'step' })).ms);
        },
        ownMs: () => last,
        describe: () => ({ 'torch.optim': `${spec.cls}(${JSON.stringify(spec.kwargs)})` }),
        dispose() {},
      };
    },
    dispose: () => peer.close(),
  };
}
