/**
 * `gapkit data list | download | verify`: what a data dir holds, fetching the official archives, and
 * checking the files present against their known checksums. The logic is in `@gapkit/data/node`
 * (`listDataDir`, `downloadDataset`, `verifyDataset`); this file parses and prints.
 */
import { closestName } from '@gapkit/autodiff';
import { DataFormatError, DataNotFoundError } from '@gapkit/data';
import { DATASET_SOURCES, DEFAULT_DATA_DIR, DEFAULT_IDLE_TIMEOUT_SECONDS, type FileCheck, listDataDir, SHA256SUMS_FILE, type VerifyReport, verifyDataset } from '@gapkit/data/node';
import { parseArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';
import { type DownloadStreams, runDownload, unknownDataset } from './download.js';

const SUBCOMMANDS = ['list', 'download', 'verify'] as const;

const usage = `usage: gapkit data <list | download | verify> [options]

  gapkit data list [--data-dir DIR]
      each known data set in DIR: complete (every file a full download has), partial (lacks some,
      e.g. a subset) or absent, and its files with their sizes; other entries of DIR are named

  gapkit data download <name>... [--data-dir DIR] [--force] [--mirror URL] [--timeout SECONDS] [--list]
      fetch, checksum and extract official archives (also available as \`gapkit download\`)

  gapkit data verify <name>... [--data-dir DIR] [--sums FILE]
      the digest of every file present in DIR/<name> against, first, SHA-256 lists of this copy
      (DIR/<name>/${SHA256SUMS_FILE}, written by every download; DIR/${SHA256SUMS_FILE}; --sums FILE, in
      sha256sum format with paths relative to FILE) and then the publishers' checksums of the
      downloadable files. One line per file; exit status 1 when a file differs, a listed file is
      missing, or no file has a known checksum.

options:
  --data-dir DIR     data root (default ${DEFAULT_DATA_DIR}; \`download\` also takes --dir DIR)
  --sums FILE        (verify) one more SHA-256 list
  --force            (download) replace an existing <data-dir>/<name>
  --mirror URL       (download) fetch <URL>/<file name> instead of the official URL (same checksums)
  --timeout SECONDS  (download) give up when no byte arrives for this long (default ${DEFAULT_IDLE_TIMEOUT_SECONDS})
  --list             (download) print the URLs, checksums and their sources, and exit

names: ${Object.keys(DATASET_SOURCES).join(', ')}

examples:
  gapkit data list --data-dir ~/datasets
  gapkit data download cifar10 --data-dir data --timeout 300
  gapkit data verify cifar10 mnist --data-dir ~/datasets`;

const LIST_SPECS = { 'data-dir': { kind: 'string', default: DEFAULT_DATA_DIR } } as const;
const VERIFY_SPECS = { 'data-dir': { kind: 'string', default: DEFAULT_DATA_DIR }, sums: { kind: 'string' } } as const;

const count = (n: number): string => n.toLocaleString('en-US');

function runList(args: readonly string[], streams: DownloadStreams): number {
  const { options, positionals } = parseArgs(args, LIST_SPECS);
  if (positionals.length > 0) throw new UsageError(`data list takes no arguments besides --data-dir, got '${positionals.join(' ')}'`);
  const listing = listDataDir(options['data-dir']);
  const out: string[] = [`data dir ${listing.root}`];
  const width = Math.max(...listing.datasets.map((d) => d.source.name.length));
  for (const d of listing.datasets) {
    const name = d.source.name.padEnd(width);
    const fetch = `gapkit data download ${d.source.name} --data-dir ${listing.root}`;
    if (d.status === 'absent') {
      out.push(`  ${name}  absent      (${fetch})`);
      continue;
    }
    if (d.status === 'not-a-folder') {
      out.push(`  ${name}  NOT A FOLDER  ${d.path} is a file`);
      continue;
    }
    const bytes = d.files.reduce((s, f) => s + f.bytes, 0);
    const what = d.status === 'complete' ? 'complete  ' : 'partial   ';
    const lacks = d.missing.length > 0 ? `; lacks ${d.missing.join(', ')} (a full copy: ${fetch} --force)` : '';
    out.push(`  ${name}  ${what}  ${count(d.files.length)} files, ${count(bytes)} bytes${lacks}`);
    const fw = Math.max(...d.files.map((f) => f.path.length), 0);
    for (const f of d.files) out.push(`      ${f.path.padEnd(fw)}  ${count(f.bytes).padStart(14)}`);
  }
  if (listing.other.length > 0) out.push(`other entries (not a known data set): ${listing.other.join(', ')}`);
  streams.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function checkLine(c: FileCheck, width: number): string {
  const file = c.file.padEnd(width);
  switch (c.status) {
    case 'ok':
      return `  ok          ${file}  ${c.algorithm} ${c.actual}  (${c.source})`;
    case 'mismatch':
      return `  MISMATCH    ${file}  expected ${c.algorithm} ${c.expected} (${c.source}), got ${c.actual}`;
    case 'missing':
      return `  MISSING     ${file}  listed in ${c.source}`;
    case 'unreadable':
      return `  UNREADABLE  ${file}  ${c.error}`;
    case 'unchecked':
      return `  unchecked   ${file}  (no known checksum)`;
  }
}

function summary(r: VerifyReport): string {
  const n = (s: FileCheck['status']): number => r.files.filter((f) => f.status === s).length;
  const counts = `${n('ok')} ok, ${n('mismatch')} mismatched, ${n('missing')} missing, ${n('unreadable')} unreadable, ${n('unchecked')} unchecked`;
  if (r.files.every((f) => f.status === 'unchecked')) {
    return `${r.name}: NOT VERIFIED — no file has a known checksum (${counts}); pass --sums FILE (sha256sum format) or download it again with --force`;
  }
  return `${r.name}: ${r.ok ? 'verified' : 'FAILED'} (${counts})`;
}

async function runVerify(args: readonly string[], streams: DownloadStreams): Promise<number> {
  const { options, positionals } = parseArgs(args, VERIFY_SPECS);
  if (positionals.length === 0) throw new UsageError(`name a data set to verify (one of: ${Object.keys(DATASET_SOURCES).join(', ')})`);
  for (const name of positionals) if (!Object.hasOwn(DATASET_SOURCES, name)) throw unknownDataset(name);
  let status = 0;
  for (const name of positionals) {
    const r = await verifyDataset(DATASET_SOURCES[name], options['data-dir'], { sumsFiles: options.sums === undefined ? [] : [options.sums] });
    const lists = r.lists.length > 0 ? r.lists.join(', ') : 'none';
    const width = Math.max(0, ...r.files.map((c) => c.file.length));
    streams.stdout.write(`${name} in ${r.path} (SHA-256 lists: ${lists})\n${r.files.map((c) => checkLine(c, width)).join('\n')}\n${summary(r)}\n`);
    if (!r.ok) status = 1;
  }
  return status;
}

/** Builds the command on the given streams (tests pass captured ones). */
export function createDataCommand(streams: DownloadStreams): Command {
  return {
    name: 'data',
    summary: 'list what a data dir holds, download official archives, verify checksums (data list | download | verify)',
    usage,
    async run(args: readonly string[]): Promise<number> {
      const [sub, ...rest] = args;
      if (sub === undefined) throw new UsageError(`name a subcommand: ${SUBCOMMANDS.join(', ')}`);
      if (!(SUBCOMMANDS as readonly string[]).includes(sub)) {
        const near = closestName(sub, SUBCOMMANDS);
        throw new UsageError(`unknown subcommand '${sub}'${near ? ` (did you mean '${near}'?)` : ''} (expected one of: ${SUBCOMMANDS.join(', ')})`);
      }
      if (sub === 'download') return runDownload(rest, streams, 'gapkit data download');
      try {
        return sub === 'list' ? runList(rest, streams) : await runVerify(rest, streams);
      } catch (e) {
        // A missing or misplaced folder, or a malformed checksum list: named, status 1.
        if (e instanceof DataNotFoundError || e instanceof DataFormatError) {
          streams.stderr.write(`gapkit data ${sub}: ${e.message}\n`);
          return 1;
        }
        throw e;
      }
    },
  };
}

/** The `data` command on the process's stdout / stderr. */
export const command: Command = createDataCommand({ stdout: process.stdout, stderr: process.stderr });
