/** Reading axis labels out of a Vega SVG: one list of label strings per axis, in drawing order. */
export function axisLabels(svg: string): { anchor: string; labels: string[] }[] {
  const groups: { anchor: string; labels: string[] }[] = [];
  for (const g of svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g)) {
    const labels: string[] = [];
    let anchor = '';
    for (const t of g[1].matchAll(/<text text-anchor="(\w+)"[^>]*?(?:\/>|>([^<]*)<\/text>)/g)) {
      anchor = anchor || t[1];
      if (t[2] !== undefined && t[2] !== '') labels.push(t[2]);
    }
    groups.push({ anchor, labels });
  }
  return groups;
}

/** The left (y) axis's labels: the group whose labels are right-aligned. */
export function yLabels(svg: string): string[] {
  const g = axisLabels(svg).find((a) => a.anchor === 'end');
  if (!g) throw new Error('no y axis labels in the SVG');
  return g.labels;
}
