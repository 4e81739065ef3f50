/**
 * Vega-Lite spec → PNG: compiled by `vega-lite`, rendered to SVG by `vega` (no canvas), rasterized
 * by `@resvg/resvg-js`. Replace with `@gapkit/plots` when it is merged.
 */
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export async function svgOf(spec: Record<string, unknown>): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

export async function renderPng(spec: Record<string, unknown>): Promise<Uint8Array | null> {
  const svg = await svgOf(spec);
  const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true } }).render().asPng();
  return new Uint8Array(png);
}
