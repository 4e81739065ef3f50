/**
 * Debian's Chromium for the e2e test: `/usr/bin/chromium`, installed with apt-get when missing
 * (`apt-get update` first when the plain install fails). Returns the executable, or why there is none.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** The flags the site test launches Chromium with (headless, no sandbox as root, nothing that calls out). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

function run(command: string, args: readonly string[]): string | undefined {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000 });
    return undefined;
  } catch (e) {
    return `${command} ${args.join(' ')} failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
}

/** `{ path }` when Chromium is (or could be made) available, else `{ reason }`. */
export function ensureChromium(): { path: string } | { reason: string } {
  if (existsSync(CHROMIUM)) return { path: CHROMIUM };
  console.log(`${CHROMIUM} is missing: installing Debian's chromium with apt-get`);
  const first = run('apt-get', ['install', '-y', 'chromium']);
  if (first === undefined && existsSync(CHROMIUM)) return { path: CHROMIUM };
  const update = run('apt-get', ['update']);
  const second = run('apt-get', ['install', '-y', 'chromium']);
  if (second === undefined && existsSync(CHROMIUM)) return { path: CHROMIUM };
  return { reason: `Chromium could not be installed (${[first, update, second].filter((x) => x !== undefined).join('; ')})` };
}
