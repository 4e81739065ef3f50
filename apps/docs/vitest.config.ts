import { defineConfig } from 'vitest/config';
import { gapkitVitestConfig } from '../../vitest.shared.js';

// The e2e test serves the built site and drives Chromium: give it room on a loaded 2-core machine.
export default defineConfig(gapkitVitestConfig({ testTimeout: 180_000 }));
