/**
 * A static HTTP server on 127.0.0.1 for download tests: `/files/<name>` serves a file from a folder,
 * `/redirect/<name>` answers 302 to it, `/chunked/<name>` sends it without a Content-Length, `/stall/<name>` announces its full length,
 * sends the first half and then nothing, `/silent/<name>` never answers; anything else is 404. Counts requests so tests can tell whether the network was used.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface FixtureServer {
  readonly base: string;
  requests: number;
  close(): Promise<void>;
}

export async function startFixtureServer(folder: string): Promise<FixtureServer> {
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests++;
    const [, route, name] = (req.url ?? '').split('/');
    let body: Buffer | null = null;
    try {
      if (name && !name.includes('..')) body = readFileSync(join(folder, decodeURIComponent(name)));
    } catch {
      body = null;
    }
    if (body && route === 'files') {
      res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' });
      res.end(body);
    } else if (body && route === 'chunked') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const half = Math.floor(body.length / 2);
      res.write(body.subarray(0, half));
      res.end(body.subarray(half));
    } else if (body && route === 'stall') {
      res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' });
      res.write(body.subarray(0, Math.floor(body.length / 2)));
    } else if (body && route === 'silent') {
      // no answer at all: the client's response timeout must fire
    } else if (body && route === 'redirect') {
      res.writeHead(302, { location: `/files/${name}` });
      res.end();
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    set requests(v: number) {
      state.requests = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
