/** A Markdown table from a header and rows of cells (pipes inside cells are escaped). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  for (const [i, r] of rows.entries()) {
    if (r.length !== header.length) throw new RangeError(`markdownTable: row ${i} has ${r.length} cells, the header ${header.length}`);
  }
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
