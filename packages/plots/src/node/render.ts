/**
 * Rendering a Vega-Lite spec: compiled to Vega with `vega-lite`, run headless by a `vega.View` with
 * `renderer: 'none'` and serialized with `toSVG()`; the SVG rasterized to PNG by `@resvg/resvg-js`
 * with the bundled DejaVu fonts (no system fonts, so the output does not depend on the machine).
 */
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY } from '../theme.js';
import { fontFiles } from './fonts.js';

/** Renders `spec` to an SVG document. @throws Error when the spec does not compile or the SVG holds NaN. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vega = compile(spec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    if (svg.includes('NaN')) throw new Error('renderSvg: the rendered SVG contains NaN coordinates (a non-finite value reached the scales)');
    return svg;
  } finally {
    view.finalize();
  }
}

export interface PngOptions {
  /** Pixel density: 2 renders a 640-px-wide plot 1,280 px wide (default 2). */
  readonly scale?: number;
}

/** Rasterizes an SVG document to PNG bytes. */
export function renderPng(svg: string, options: PngOptions = {}): Uint8Array {
  const scale = options.scale ?? 2;
  if (!(scale > 0 && scale <= 8)) throw new Error(`renderPng: scale must be in (0, 8], got ${scale}`);
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  });
  return new Uint8Array(resvg.render().asPng());
}
