/**
 * What one forward/backward pass changes besides the graph it builds: the augmentation stream (the
 * batch's crops and flips), each dropout layer's stream, and the BatchNorm running statistics. Taken
 * before every step (a few RNG words and one copy of the BN buffers, no weights: a failed step never
 * reaches the optimizer), so a failed step can be undone exactly and re-run with anomaly mode on —
 * the same batch, the same parameters, the same random draws — and undone again.
 */
import type { Module, ModuleBuffer, Rng, RngState } from '@gapkit/autodiff';
import { dropoutStreams } from './dropout-streams.js';

export class StepSnapshot {
  private readonly streams: readonly Rng[];
  private readonly buffers: readonly ModuleBuffer[];
  private readonly states: RngState[];
  private readonly values: Float32Array[];

  constructor(model: Module, augment: Rng) {
    this.streams = [augment, ...dropoutStreams(model).values()];
    this.buffers = model.namedBuffers().map(([, b]) => b);
    this.states = this.streams.map((s) => s.getState());
    this.values = this.buffers.map((b) => b.data.slice());
  }

  /** Records the current state (before a step). */
  take(): void {
    for (let i = 0; i < this.streams.length; i++) this.states[i] = this.streams[i].getState();
    for (let i = 0; i < this.buffers.length; i++) this.values[i].set(this.buffers[i].data);
  }

  /** Puts the BatchNorm running statistics back as they were at `take()`. */
  restoreBuffers(): void {
    for (let i = 0; i < this.buffers.length; i++) this.buffers[i].data.set(this.values[i]);
  }

  /** Puts every stream and buffer back as it was at `take()`. */
  restore(): void {
    for (let i = 0; i < this.streams.length; i++) this.streams[i].setState(this.states[i]);
    this.restoreBuffers();
  }
}
