import type { Tensor } from '../tensor.js';
import type { Module } from './module.js';

/** A module that maps one tensor to one tensor; what `Sequential` chains. */
export interface Layer extends Module {
  forward(x: Tensor): Tensor;
}
