export * from '../index.js';
export { fontFiles } from './fonts.js';
export { type PngOptions, renderPng, renderSvg } from './render.js';
export { type WrittenFigure, writeFigure } from './write-figure.js';
