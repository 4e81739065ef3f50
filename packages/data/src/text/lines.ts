/**
 * Line iteration for the text formats (MovieLens, NCF): LF or CRLF endings, a final newline optional,
 * blank lines reported to the caller (most formats reject them except at the very end).
 */

/** One line of a text file: its 1-based number and content without the line ending. */
export interface TextLine {
  readonly number: number;
  readonly text: string;
}

/**
 * Yields every line of `text` with its 1-based number. A trailing newline does not produce an extra
 * empty line; a `\r` before `\n` is dropped.
 */
export function* textLines(text: string): Generator<TextLine> {
  let start = 0;
  let number = 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    yield { number, text: text.slice(start, stop) };
    start = end + 1;
    number++;
  }
}

/** Parses a base-10 integer field exactly (no blanks, no fraction, no exponent); NaN when malformed. */
export function parseIntField(field: string): number {
  return /^[+-]?\d+$/.test(field) ? Number(field) : Number.NaN;
}

/** Parses a finite decimal number field; NaN when malformed. */
export function parseNumberField(field: string): number {
  if (field.trim() !== field || field === '') return Number.NaN;
  const v = Number(field);
  return Number.isFinite(v) ? v : Number.NaN;
}
