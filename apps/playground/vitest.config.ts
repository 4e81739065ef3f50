import { defineConfig } from 'vitest/config';
import { gapkitVitestConfig } from '../../vitest.shared.js';

export default defineConfig(gapkitVitestConfig({ testTimeout: 120_000 }));
