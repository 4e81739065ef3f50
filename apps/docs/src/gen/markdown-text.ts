/** Text that goes into a generated markdown table cell on the site (VitePress compiles pages as Vue templates). */

/** Escapes what would end a cell, open an HTML tag or start a Vue interpolation. */
export function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\{\{/g, '&#123;&#123;')
    .replace(/\}\}/g, '&#125;&#125;')
    .replace(/\$/g, '&#36;')
    .replace(/\n/g, ' ');
}

/** A value as inline code in a cell. */
export function code(text: string): string {
  return `<code>${cell(text)}</code>`;
}

/** A markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}
