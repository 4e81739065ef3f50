/**
 * The effective step ‖Δw‖/‖w‖ and the norm ‖w‖ of chosen tensors (`--log-layers`), beside the
 * per-group values the optimizer reports. A name is a parameter (`layer1.0.conv1.weight`) or a layer
 * id (`layer1.0.conv1`: every parameter of it, as one concatenated tensor). Norms are summed in float64.
 */
import { closestName, type Parameter } from '@gapkit/autodiff';

export interface LayerStep {
  /** ‖Δw‖/‖w‖ of the step just taken (‖w‖ before the step; 0/0 reported as 0). */
  readonly effectiveStep: number;
  /** ‖w‖ after the step. */
  readonly weightNorm: number;
}

interface Chosen {
  readonly name: string;
  readonly params: readonly Parameter[];
  before: Float32Array[];
}

export class LayerSteps {
  private readonly chosen: Chosen[];

  /** @throws RangeError naming an unknown name, its closest match and the valid names. */
  constructor(names: readonly string[], params: readonly Parameter[]) {
    const byName = new Map(params.map((p) => [p.meta.name, p]));
    const layers = [...new Set(params.map((p) => p.meta.layer))].filter((l) => l !== '');
    this.chosen = names.map((name) => {
      const p = byName.get(name);
      if (p) return { name, params: [p], before: [] };
      const of = params.filter((q) => q.meta.layer === name);
      if (of.length > 0) return { name, params: of, before: [] };
      const valid = [...byName.keys(), ...layers];
      const near = closestName(name, valid);
      throw new RangeError(
        `logLayers: no parameter or layer '${name}'${near ? ` (did you mean '${near}'?)` : ''}; parameters: ${[...byName.keys()].join(', ')}; layers: ${layers.join(', ')}`,
      );
    });
  }

  get empty(): boolean {
    return this.chosen.length === 0;
  }

  /** Copies the chosen tensors (call before the optimizer step of a logged step). */
  before(): void {
    for (const c of this.chosen) c.before = c.params.map((p) => p.data.slice());
  }

  /** ‖Δw‖/‖w‖ and ‖w‖ per chosen name, against the copies `before()` took. */
  after(): Record<string, LayerStep> {
    const out: Record<string, LayerStep> = {};
    for (const c of this.chosen) {
      let dw = 0;
      let w0 = 0;
      let w1 = 0;
      c.params.forEach((p, k) => {
        const a = c.before[k];
        const b = p.data;
        for (let i = 0; i < b.length; i++) {
          const d = b[i] - a[i];
          dw += d * d;
          w0 += a[i] * a[i];
          w1 += b[i] * b[i];
        }
      });
      out[c.name] = { effectiveStep: w0 > 0 ? Math.sqrt(dw) / Math.sqrt(w0) : 0, weightNorm: Math.sqrt(w1) };
      c.before = [];
    }
    return out;
  }
}
