/** A Markdown table for experiment reports from a header and rows of cells; `|` and line breaks inside a cell are escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  rows.forEach((r, i) => {
    if (r.length !== header.length) throw new RangeError(`markdownTable: row ${i + 1} has ${r.length} cells, the header ${header.length}`);
  });
  const line = (cells: readonly (string | number)[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
