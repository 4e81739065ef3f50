/**
 * TF.js for the benchmark peers: tfjs-core's CommonJS bundle, the cpu and wasm backends, and the
 * gradient registrations (tfjs-core's Node bundle registers none; its ESM `register_all_gradients`
 * registers them into the same global registry and engine, loaded through `require` so Node resolves
 * its extensionless imports).
 */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';

let gradientsLoaded = false;

/** Loads tfjs gradients (once) and the named backend, and makes it active. */
export async function initTf(backend: 'cpu' | 'wasm'): Promise<typeof tf> {
  if (!gradientsLoaded) {
    const require = createRequire(import.meta.url);
    require('@tensorflow/tfjs-core/dist/register_all_gradients.js');
    gradientsLoaded = true;
  }
  if (backend === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
  else await import('@tensorflow/tfjs-backend-wasm');
  const ok = await tf.setBackend(backend);
  if (!ok || tf.getBackend() !== backend) throw new Error(`tfjs: could not activate the ${backend} backend`);
  await tf.ready();
  return tf;
}

export { tf };
