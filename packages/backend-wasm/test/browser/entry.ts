/** What a browser page imports: the engine, the wasm backend (main entry) and the optimizers. */
import * as autodiff from '@gapkit/autodiff';
import * as optimizers from '@gapkit/optimizers';
import * as backendWasm from '../../src/index.js';

export { autodiff, backendWasm, optimizers };
