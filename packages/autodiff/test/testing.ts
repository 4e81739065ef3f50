/**
 * @gapkit/testing for this package's tests. It is imported by relative path because @gapkit/testing
 * depends on @gapkit/autodiff; listing it back as a devDependency would make a package cycle, which
 * turbo refuses. Vitest and tsc both resolve this path to the same sources.
 */
export * from '../../testing/src/index.js';
