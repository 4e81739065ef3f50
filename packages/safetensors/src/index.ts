export { decodeSafetensors, MAX_HEADER_BYTES } from './decode.js';
export { type Dtype, DTYPES, type DtypeArrays, dtypeSize, isDtype, type TensorData } from './dtype.js';
export { compareCodePoints, encodeSafetensors, METADATA_KEY } from './encode.js';
export { SafetensorsError } from './error.js';
export { decodeFloat32Safetensors, encodeFloat32Safetensors, type Float32Tensor } from './float32.js';
export { elementCount, type SafeTensor, type SafetensorsFile, type SafetensorsMetadata } from './tensor.js';
export { bfloat16ToNumber, float16ToNumber, float8e4m3ToNumber, float8e5m2ToNumber, toFloat64 } from './to-float64.js';
