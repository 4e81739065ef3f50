/** HTTP(S) GET with redirects, for downloads (node:http / node:https only). */
import type { IncomingMessage } from 'node:http';
import http from 'node:http';
import https from 'node:https';

/** A failed request: the message names the URL and the status or network error. */
export class DownloadError extends Error {
  override name = 'DownloadError';
}

/**
 * Opens `url` and resolves with a 200 response, following up to `maxRedirects` redirects.
 * @throws DownloadError naming the URL for a non-200 status, too many redirects, a timeout or a
 *   network error.
 */
export function httpGet(url: string, maxRedirects = 5, timeoutMs = 60_000): Promise<IncomingMessage> {
  return new Promise((resolvePromise, reject) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      reject(new DownloadError(`not a valid URL: ${url}`));
      return;
    }
    const client = parsed.protocol === 'https:' ? https : parsed.protocol === 'http:' ? http : null;
    if (!client) {
      reject(new DownloadError(`unsupported protocol ${parsed.protocol} in ${url}`));
      return;
    }
    const req = client.get(parsed, { headers: { 'user-agent': 'gapkit-download' } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        if (maxRedirects <= 0) {
          reject(new DownloadError(`too many redirects fetching ${url}`));
          return;
        }
        const next = new URL(res.headers.location, parsed).toString();
        httpGet(next, maxRedirects - 1, timeoutMs).then(resolvePromise, reject);
        return;
      }
      if (status !== 200) {
        res.resume();
        reject(new DownloadError(`GET ${url} failed: HTTP ${status} ${res.statusMessage ?? ''}`.trim()));
        return;
      }
      resolvePromise(res);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new DownloadError(`GET ${url}: no data for ${timeoutMs / 1000} s`)));
    req.on('error', (e) => reject(e instanceof DownloadError ? e : new DownloadError(`GET ${url} failed: ${e.message}`)));
  });
}
