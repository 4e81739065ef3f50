/** Chromium for the site test: Debian's, from @gapkit/node-io, with the GPU off (the site needs none). */
import { CHROMIUM_BASE_FLAGS, ensureDebianChromium } from '@gapkit/node-io';

export const ensureChromium = ensureDebianChromium;

/** The flags the site test launches Chromium with. */
export const CHROMIUM_FLAGS: readonly string[] = [...CHROMIUM_BASE_FLAGS, '--disable-gpu'];
