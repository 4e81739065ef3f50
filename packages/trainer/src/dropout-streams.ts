/** Each dropout layer's random stream, by module path (saved in checkpoints, restored around a re-run step). */
import { Dropout, type Module, Rng } from '@gapkit/autodiff';

export function dropoutStreams(model: Module): Map<string, Rng> {
  const out = new Map<string, Rng>();
  for (const [path, m] of model.namedModules()) {
    if (!(m instanceof Dropout)) continue;
    const rng: unknown = Reflect.get(m, 'rng');
    if (rng instanceof Rng) out.set(path, rng);
  }
  return out;
}
