/**
 * Debian's Chromium for the browser tests (the docs site and the playground): `/usr/bin/chromium`,
 * installed with `apt-get install -y chromium` when missing (`apt-get update` first when the plain
 * install fails). Never downloads a browser build of its own. Returns the executable, or the reason
 * there is none (a test then skips and prints it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Headless, no sandbox (tests run as root), nothing that calls out to the network. */
export const CHROMIUM_BASE_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function run(args: readonly string[]): string | undefined {
  try {
    execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000 });
    return undefined;
  } catch (e) {
    return `apt-get ${args.join(' ')} failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
}

/** `{ path }` when Chromium is (or could be made) available, else `{ reason }`. */
export function ensureDebianChromium(): { path: string } | { reason: string } {
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM };
  console.log(`${DEBIAN_CHROMIUM} is missing: installing Debian's chromium with apt-get`);
  const install = ['install', '-y', '--no-install-recommends', 'chromium'];
  const first = run(install);
  if (first === undefined && existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM };
  const update = run(['update']);
  const second = run(install);
  if (second === undefined && existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM };
  return { reason: `Chromium could not be installed (${[first, update, second].filter((x) => x !== undefined).join('; ') || `${DEBIAN_CHROMIUM} still missing`})` };
}
