/**
 * A tiny static file server for the built site (docs/.vitepress/dist) on 127.0.0.1, for the e2e test:
 * `/x/` serves `/x/index.html`, `/x` serves `/x.html` when that exists, anything else is a 404.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

/** The file a URL path names under `root`, or undefined (never outside `root`). */
export function fileFor(root: string, urlPath: string): string | undefined {
  const path = normalize(decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/'));
  const abs = join(root, path);
  if (abs !== root && !abs.startsWith(root + sep)) return undefined;
  for (const candidate of [abs, join(abs, 'index.html'), `${abs}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

export interface RunningServer {
  readonly url: string;
  /** Every path that answered 404, for the test to report. */
  readonly notFound: string[];
  close(): Promise<void>;
}

/** Serves `root` on a free loopback port. */
export async function serveStatic(root: string): Promise<RunningServer> {
  const notFound: string[] = [];
  const server: Server = createServer((req, res) => {
    const file = fileFor(root, req.url ?? '/');
    if (file === undefined) {
      notFound.push(req.url ?? '');
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    notFound,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
