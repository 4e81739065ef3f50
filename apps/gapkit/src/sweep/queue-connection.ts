/**
 * `--queue redis://[:PASSWORD@]HOST:PORT[/DB]`: the Redis that holds the BullMQ queue of sweep runs. Before any job
 * is added or taken, the server is pinged with a short timeout, so an unreachable queue is a clear
 * error naming the URL within a few seconds and nothing is enqueued.
 */
import { Redis } from 'ioredis';
import { UsageError } from '../command.js';

/** The BullMQ queue every sweep owner and worker shares. */
export const QUEUE_NAME = 'gapkit-runs';

export interface QueueAddress {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
}

export function parseQueueUrl(url: string): QueueAddress {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`--queue must be redis://HOST:PORT, got '${url}'`);
  }
  if (u.protocol !== 'redis:' || u.hostname === '') throw new UsageError(`--queue must be redis://HOST:PORT, got '${url}'`);
  const port = u.port === '' ? 6379 : Number(u.port);
  const db = u.pathname === '' || u.pathname === '/' ? 0 : Number(u.pathname.slice(1));
  if (!Number.isInteger(db) || db < 0) throw new UsageError(`--queue ${url}: the database after the port must be a number, got '${u.pathname.slice(1)}'`);
  const auth = {
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
  };
  // Messages name the URL without its password.
  const shown = u.password ? url.replace(`:${u.password}@`, ':***@') : url;
  return { url: shown, host: u.hostname, port, db, ...auth };
}

/** ioredis options for BullMQ (workers need `maxRetriesPerRequest: null`). */
export function connectionOptions(a: QueueAddress) {
  return { host: a.host, port: a.port, db: a.db, username: a.username, password: a.password, maxRetriesPerRequest: null };
}

/** Pings the server; throws an Error naming the URL when it cannot be reached within `timeoutMs`. */
export async function checkQueueReachable(a: QueueAddress, timeoutMs = 3000): Promise<void> {
  const redis = new Redis({ host: a.host, port: a.port, db: a.db, username: a.username, password: a.password, lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  let cause: Error | undefined; // the socket's own error (ECONNREFUSED, ENOTFOUND …), clearer than ioredis' "Connection is closed"
  redis.on('error', (e: Error) => {
    cause ??= e;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const ping = redis.connect().then(() => redis.ping());
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    await Promise.race([ping, late]);
  } catch (e) {
    const why = cause?.message || (e as Error).message || String(e);
    throw new Error(`cannot reach the queue at ${a.url}: ${why} (is redis-server running there, and reachable from here?); nothing was enqueued or taken`);
  } finally {
    clearTimeout(timer);
    redis.disconnect();
  }
}
