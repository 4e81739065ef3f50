/** HTTP(S) GET with redirects and a response timeout, for downloads (node:http / node:https only). */
import type { IncomingMessage } from 'node:http';
import http from 'node:http';
import https from 'node:https';

/** A failed request: the message names the URL and the status or network error. */
export class DownloadError extends Error {
  override name = 'DownloadError';
}

/**
 * How long a download may go without receiving a byte before it is abandoned: 60 s (seconds, any
 * finite value > 0). `downloadDataset({ idleTimeoutSeconds })` and `gapkit data download --timeout`
 * override it.
 */
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

/**
 * Checks an idle timeout given in seconds and returns it in milliseconds.
 * @throws RangeError naming `what` when it is not a finite number > 0.
 */
export function idleTimeoutMs(seconds: number, what = 'idleTimeoutSeconds'): number {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new RangeError(`${what} must be a finite number of seconds > 0, got ${String(seconds)}`);
  }
  return seconds * 1000;
}

/**
 * Opens `url` and resolves with a 200 response, following up to `maxRedirects` redirects.
 * `timeoutMs` bounds the wait for a connection and the response headers (per request); once the
 * response is handed over its socket timeout is cleared, and the reader guards the body's idle time
 * (as {@link fetchVerified} does, naming the bytes received).
 * @throws DownloadError naming the URL for a non-200 status, too many redirects, a timeout or a
 *   network error.
 */
export function httpGet(url: string, maxRedirects = 5, timeoutMs = DEFAULT_IDLE_TIMEOUT_SECONDS * 1000): Promise<IncomingMessage> {
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
      req.setTimeout(0);
      resolvePromise(res);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new DownloadError(`GET ${url}: no response for ${timeoutMs / 1000} s`)));
    req.on('error', (e) => reject(e instanceof DownloadError ? e : new DownloadError(`GET ${url} failed: ${e.message}`)));
  });
}
