/**
 * What a browser page imports: the main entry of every package a page can use — the engine, this
 * package (not its `./node` entry), the optimizers, the model zoo and the data loaders (not
 * `@gapkit/data/node`).
 */
import * as autodiff from '@gapkit/autodiff';
import * as data from '@gapkit/data';
import * as modelZoo from '@gapkit/model-zoo';
import * as optimizers from '@gapkit/optimizers';
import * as backendWasm from '../../src/index.js';

export { autodiff, backendWasm, data, modelZoo, optimizers };
