/** Chromium for the browser test: Debian's, from @gapkit/node-io, with software WebGL through SwiftShader. */
import { CHROMIUM_BASE_FLAGS, ensureDebianChromium } from '@gapkit/node-io';

export const ensureChromium = ensureDebianChromium;

/** The launch flags: the base set plus software WebGL (gpu.js runs on it, slower than on a real GPU). */
export const CHROMIUM_ARGS: string[] = [...CHROMIUM_BASE_FLAGS, '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
