export { type AxisOptions, DEFAULT_MAX_POINTS_PER_SERIES, type LineChartOptions, lineChart } from './line-chart.js';
export { BAND_COUNT, BAND_LOWER, BAND_UPPER, seedBandRows } from './seed-band.js';
export { cleanRows, drawable, type Row, thinRows } from './rows.js';
export { FONT_FAMILY } from './theme.js';
export { TRAINING_FIGURES, type TrainingChartOptions, type TrainingFigure, type TrainingFigureName, trainingChart } from './training-figures.js';
