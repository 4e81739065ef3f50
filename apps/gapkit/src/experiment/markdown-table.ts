/** A Markdown table for experiment reports; `|` inside a cell is escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => String(v).replace(/\|/g, '\\|');
  rows.forEach((r, i) => {
    if (r.length !== header.length) throw new RangeError(`markdownTable: row ${i + 1} has ${r.length} cells, the header ${header.length}`);
  });
  return [`| ${header.map(cell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}
