/** The pure-TypeScript backend: every kernel, always available, the reference for parity tests. */
import type { Backend } from '../backend.js';
import { conv2dBackpropFilterCpu, conv2dBackpropInputCpu, conv2dCpu } from './conv2d.js';
import { matmulCpu } from './matmul.js';

export const cpuBackend: Backend = {
  name: 'cpu',
  kernels: {
    matmul: matmulCpu,
    conv2d: conv2dCpu,
    conv2dBackpropInput: conv2dBackpropInputCpu,
    conv2dBackpropFilter: conv2dBackpropFilterCpu,
  },
  describe: () => ({ implementation: 'reference loops (float64 accumulation)', threads: '1' }),
  dispose: () => {},
};
export { conv2dBackpropFilterCpu, conv2dBackpropInputCpu, conv2dCpu, matmulCpu };
