/**
 * Class-name files such as CIFAR-10's `batches.meta.txt` or CIFAR-100's `fine_label_names.txt`: one
 * name per line, line i = name of label i. Trailing blank lines (the official CIFAR-10 file has one)
 * are ignored; a blank line between names is an error.
 */
import { DataFormatError } from '../errors.js';
import { textLines } from './lines.js';

/**
 * Parses a label-names file. `expected`, when given, is the number of names the format requires.
 * @throws DataFormatError naming `file` when a name is blank or the count differs from `expected`.
 */
export function parseLabelNames(text: string, file: string, expected?: number): string[] {
  const names: string[] = [];
  let blankAt = 0;
  for (const line of textLines(text)) {
    const name = line.text.trim();
    if (name === '') {
      if (blankAt === 0) blankAt = line.number;
      continue;
    }
    if (blankAt !== 0) throw new DataFormatError(file, 'blank line between label names', blankAt);
    names.push(name);
  }
  if (expected !== undefined && names.length !== expected) {
    throw new DataFormatError(file, `expected ${expected} label names, found ${names.length}`);
  }
  return names;
}
