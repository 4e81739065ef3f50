/**
 * Module: walks its own fields (Parameters, ModuleBuffers, Modules and arrays of them) in insertion order to
 * name parameters by dotted path, like PyTorch. Layers never list their parameters by hand.
 */
import { type Shape, sameShape, shapeToString } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { ModuleBuffer, Parameter } from './parameter.js';

/** A saved tensor in a state dict: its shape and a copy of its values. */
export interface TensorRecord {
  shape: number[];
  data: Float32Array;
}

/** Base of every layer and model: parameter naming, train/eval mode, gradients and state dicts. */
export abstract class Module {
  /** Training mode (batch statistics, dropout active). */
  training = true;

  /** Every (path, child) pair below this module, depth first, in field order; this module is ''. */
  namedModules(prefix = ''): Array<[string, Module]> {
    const out: Array<[string, Module]> = [[prefix, this]];
    for (const [key, value] of Object.entries(this)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (value instanceof Module) out.push(...value.namedModules(path));
      else if (Array.isArray(value)) {
        value.forEach((v, i) => {
          if (v instanceof Module) out.push(...v.namedModules(`${path}.${i}`));
        });
      }
    }
    return out;
  }

  /**
   * Dotted names for every parameter (assigning `meta.name`, and `meta.layer` = owning module path).
   * A parameter reachable twice (weight tying) is listed once, under its first path.
   */
  namedParameters(): Array<[string, Parameter]> {
    const out: Array<[string, Parameter]> = [];
    const seen = new Set<Parameter>();
    for (const [path, m] of this.namedModules()) {
      for (const [key, value] of Object.entries(m)) {
        const items: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [`${key}.${i}`, v]) : [[key, value]];
        for (const [k, v] of items) {
          if (!(v instanceof Parameter) || seen.has(v)) continue;
          seen.add(v);
          const name = path ? `${path}.${k}` : k;
          v.meta.name = name;
          v.meta.layer = path;
          out.push([name, v]);
        }
      }
    }
    return out;
  }

  /** Every parameter once, in `namedParameters()` order. */
  parameters(): Parameter[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** Dotted names for every buffer (BatchNorm running statistics), assigning `buffer.name`. */
  namedBuffers(): Array<[string, ModuleBuffer]> {
    const out: Array<[string, ModuleBuffer]> = [];
    for (const [path, m] of this.namedModules()) {
      for (const [key, value] of Object.entries(m)) {
        if (value instanceof ModuleBuffer) {
          value.name = path ? `${path}.${key}` : key;
          out.push([value.name, value]);
        }
      }
    }
    return out;
  }

  /** Sets training mode on this module and every descendant. */
  train(on = true): this {
    for (const [, m] of this.namedModules()) m.training = on;
    return this;
  }

  /** Evaluation mode on this module and every descendant (same as `train(false)`). */
  eval(): this {
    return this.train(false);
  }

  /** Clears the gradient of every parameter. */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = null;
  }

  /** Total number of trainable elements. */
  numParameters(): number {
    return this.parameters().reduce((s, p) => s + p.size, 0);
  }

  /** Copies of every parameter and buffer, by name. */
  stateDict(): Record<string, TensorRecord> {
    const out: Record<string, TensorRecord> = {};
    for (const [name, t] of [...this.namedParameters(), ...this.namedBuffers()] as Array<[string, Tensor]>) {
      out[name] = { shape: [...t.shape], data: t.data.slice() };
    }
    return out;
  }

  /** Loads tensors by name; refuses a missing, unknown or mis-shaped entry, changing nothing. */
  loadStateDict(sd: Record<string, TensorRecord>): void {
    const targets = new Map<string, Tensor>([...this.namedParameters(), ...this.namedBuffers()]);
    const problems: string[] = [];
    for (const name of targets.keys()) if (!(name in sd)) problems.push(`missing '${name}'`);
    for (const [name, rec] of Object.entries(sd)) {
      const t = targets.get(name);
      if (!t) problems.push(`unknown '${name}'`);
      else if (!sameShape(t.shape, rec.shape as Shape) || rec.data.length !== t.size) {
        problems.push(`'${name}' has shape ${shapeToString(rec.shape)} (${rec.data.length} values), expected ${shapeToString(t.shape)}`);
      }
    }
    if (problems.length > 0) throw new Error(`loadStateDict: ${problems.join('; ')}`);
    for (const [name, rec] of Object.entries(sd)) targets.get(name)!.data.set(rec.data);
  }
}
