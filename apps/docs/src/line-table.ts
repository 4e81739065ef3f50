/**
 * Reads a paper page's "Line → code → test" tables: one row per line of an algorithm box, naming the
 * code file and function that implement it and the tests that check it (a test file, then the quoted
 * beginnings of its test names). `test/line-table.test.ts` checks each row against the tree.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

export const LINE_TABLE_HEADING = '## Line → code → test';

export interface LineRow {
  /** The row's text, for messages. */
  readonly text: string;
  /** The box lines k of the row's (Lk) tags, ranges expanded. */
  readonly lines: number[];
  /** Repository-relative code file. */
  readonly file: string;
  /** `name` (a function) or `Class.method`. */
  readonly fn: string;
  /** Test file (repository-relative) → quoted test-name beginnings. */
  readonly tests: ReadonlyMap<string, readonly string[]>;
}

/** Sorted k of every (Lk) and (La)–(Lb) in `text`. */
export function lineTags(text: string): number[] {
  const tags = new Set<number>();
  for (const m of text.matchAll(/\(L(\d+)\)(?:\s*[–-]\s*\(L(\d+)\))?/g)) {
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    for (let k = a; k <= b; k++) tags.add(k);
  }
  return [...tags].sort((x, y) => x - y);
}

/** The markdown of the page's line-table section (up to the next `## `). */
export function lineTableSection(markdown: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.indexOf(LINE_TABLE_HEADING);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

function cells(row: string): string[] {
  return row
    .replace(/\\\|/g, '\uE000')
    .split('|')
    .slice(1, -1)
    .map((c) => c.replace(/\uE000/g, '|').trim());
}

/** The rows of every table in the section; `pageRepoPath` is the page's repository path (links are relative to it). */
export function parseLineRows(section: string, pageRepoPath: string): LineRow[] {
  const rows: LineRow[] = [];
  const resolveLink = (href: string) => normalize(join(dirname(pageRepoPath), href)).split('\\').join('/');
  for (const line of section.split('\n')) {
    if (!/^\|\s*\(L\d+\)/.test(line)) continue;
    const [tagCell = '', , codeCell = '', testCell = ''] = cells(line);
    const link = /\]\(([^)#]+)[^)]*\)/.exec(codeCell);
    const fn = /`([\w.]+)`/.exec(codeCell.slice(codeCell.indexOf(')') + 1));
    const tests = new Map<string, string[]>();
    let current: string | undefined;
    for (const m of testCell.matchAll(/\]\(([^)#]+)[^)]*\)|"([^"]+)"/g)) {
      if (m[1] !== undefined) {
        current = resolveLink(m[1]);
        if (!tests.has(current)) tests.set(current, []);
      } else if (m[2] !== undefined && current !== undefined) {
        tests.get(current)?.push(m[2].replace(/\s*…$/, ''));
      }
    }
    rows.push({ text: line, lines: lineTags(tagCell), file: link?.[1] ? resolveLink(link[1]) : '', fn: fn?.[1] ?? '', tests });
  }
  return rows;
}

/** The source text of function `name`, or of method `Class.method`, in `code` (undefined when absent). */
export function functionBody(code: string, fn: string): string | undefined {
  const lines = code.split('\n');
  const [cls, method] = fn.includes('.') ? fn.split('.') : [undefined, fn];
  let from = 0;
  if (cls !== undefined) {
    from = lines.findIndex((l) => new RegExp(`^(export )?(abstract )?class ${cls}\\b`).test(l));
    if (from < 0) return undefined;
  }
  const decl = cls === undefined ? new RegExp(`^(export )?(async )?function ${method}\\b`) : new RegExp(`^  (?:(?:protected|private|public|override|static|async) )*${method}\\(`);
  const start = lines.findIndex((l, i) => i >= from && decl.test(l));
  if (start < 0) return undefined;
  const next = cls === undefined ? /^(export )?(async |abstract )?(function|class|const|let|interface|type) / : /^ {2}(?:(?:protected|private|public|override|static|async|get|set) )*[\w]+[(<]|^\}/;
  const end = lines.findIndex((l, i) => i > start && next.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** Every `// (Lk)` tag of a code file. */
export function codeTags(code: string): number[] {
  return lineTags([...code.matchAll(/\/\/ (\(L\d+\)(?:\s*[–-]\s*\(L\d+\))?(?:,\s*\(L\d+\))*)/g)].map((m) => m[1]).join(' '));
}

export function readRepoFile(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}
