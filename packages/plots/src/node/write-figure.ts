/** Writing one figure as three files: the editable Vega-Lite spec, its SVG and its PNG, each atomically. */
import { writeFileAtomic } from '@gapkit/node-io';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { renderPng, renderSvg } from './render.js';

export interface WrittenFigure {
  readonly spec: string;
  readonly svg: string;
  readonly png: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Writes `dir/name.vl.json`, `dir/name.svg` and `dir/name.png`. Everything is rendered before anything
 * is written, so a spec that fails to render leaves no file behind.
 * @throws Error naming `name` when it is not a plain file name.
 */
export async function writeFigure(spec: TopLevelSpec, dir: string, name: string): Promise<WrittenFigure> {
  if (!NAME.test(name)) throw new Error(`writeFigure: name must be a plain file name (letters, digits, . _ -), got ${JSON.stringify(name)}`);
  const svg = await renderSvg(spec);
  const png = renderPng(svg);
  const out = { spec: join(dir, `${name}.vl.json`), svg: join(dir, `${name}.svg`), png: join(dir, `${name}.png`) };
  writeFileAtomic(out.spec, `${JSON.stringify(spec, null, 1)}\n`);
  writeFileAtomic(out.svg, svg);
  writeFileAtomic(out.png, png);
  return out;
}
