/**
 * Errors raised by the data loaders. Every message names the file (or source) it is about, what was
 * expected and what was found, so a bad download or a wrong path can be fixed without a debugger.
 */

/** A file whose bytes or text do not match the expected format (size, magic number, field, id range). */
export class DataFormatError extends Error {
  override name = 'DataFormatError';
  /** The file (or source label) the problem is in. */
  readonly file: string;
  /** 1-based line number for text formats, when the problem is on one line. */
  readonly line: number | undefined;

  constructor(file: string, message: string, line?: number) {
    super(line === undefined ? `${file}: ${message}` : `${file}, line ${line}: ${message}`);
    this.file = file;
    this.line = line;
  }
}

/** A data directory or file that does not exist; the message says which `gapkit data download` to run. */
export class DataNotFoundError extends Error {
  override name = 'DataNotFoundError';
  /** The missing path. */
  readonly path: string;

  constructor(path: string, message: string) {
    super(message);
    this.path = path;
  }
}
