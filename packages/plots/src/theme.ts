/** The one font every figure names; `@gapkit/plots/node` loads this family's files for the PNG. */
export const FONT_FAMILY = 'DejaVu Sans';
