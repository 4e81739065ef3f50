/**
 * Debian's Chromium for the browser test: found at /usr/bin/chromium, else installed with apt
 * (apt-get update first when the install fails). Never downloads a browser build of its own.
 * Returns the path, or the reason it cannot be had (the test then skips and prints it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** The launch flags: headless, no network extras, software WebGL through SwiftShader. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

function aptInstall(): void {
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'pipe', timeout: 300_000 });
}

export function ensureChromium(): { path: string } | { reason: string } {
  if (existsSync(CHROMIUM)) return { path: CHROMIUM };
  try {
    try {
      aptInstall();
    } catch {
      execFileSync('apt-get', ['update'], { stdio: 'pipe', timeout: 300_000 });
      aptInstall();
    }
  } catch (e) {
    return { reason: `Chromium is not at ${CHROMIUM} and 'apt-get install -y chromium' failed: ${(e as Error).message.split('\n')[0]}` };
  }
  return existsSync(CHROMIUM) ? { path: CHROMIUM } : { reason: `apt-get installed chromium but ${CHROMIUM} is missing` };
}
