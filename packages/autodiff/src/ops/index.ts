/**
 * Primitive ops: each file holds one op's forward and its backward, side by side.
 *
 * To add an op: compute the output into a new Float32Array and return `fromOp(name, data, shape,
 * inputs, backward)`. `backward(dy)` returns one gradient per input (null where none is needed), each
 * a new array (`new Float32Array(n)`, or `gradArray(n)` to let the engine recycle a dead gradient
 * of that length) or dy's own array handed on as is; it reads dy and never writes or keeps it. That is
 * the whole contract: which arrays may be summed into, given out as `.grad` or reused is decided by the
 * engine (`tensor.ts`). `relu.ts` is the smallest complete example.
 */
export { abs } from './abs.js';
export { add } from './add.js';
export { addRelu } from './add-relu.js';
export { avgPool2d } from './avg-pool2d.js';
export { type BatchNormTrainingResult, batchNormTraining } from './batch-norm-training.js';
export { channelAffine } from './channel-affine.js';
export { clamp } from './clamp.js';
export { concat } from './concat.js';
export { type Conv2dOptions, conv2d, conv2dGeometry } from './conv2d.js';
export { type CreateOptions, full, ones, randn, scalar, tensor, zeros } from './create.js';
export { div } from './div.js';
export { exp } from './exp.js';
export { expand } from './expand.js';
export { flatten } from './flatten.js';
export { gather } from './gather.js';
export { gatherConcat } from './gather-concat.js';
export { globalAvgPool2d } from './global-avg-pool2d.js';
export { leakyRelu } from './leaky-relu.js';
export { linear } from './linear.js';
export { log } from './log.js';
export { logSoftmax } from './log-softmax.js';
export { matmul } from './matmul.js';
export { max } from './max.js';
export { maxPool2d } from './max-pool2d.js';
export { mul } from './mul.js';
export { neg } from './neg.js';
export { pad } from './pad.js';
export type { Pair } from './pair.js';
export { permute } from './permute.js';
export { pow } from './pow.js';
export { relu } from './relu.js';
export { reshape } from './reshape.js';
export { sigmoid } from './sigmoid.js';
export { slice } from './slice.js';
export { softplus } from './softplus.js';
export { sqrt } from './sqrt.js';
export { square } from './square.js';
export { sub } from './sub.js';
export { sum } from './sum.js';
export { sumToShape } from './sum-to-shape.js';
export { tanh } from './tanh.js';
export { transpose } from './transpose.js';
