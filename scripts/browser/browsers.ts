/**
 * Where the real browsers live, and the message a missing one fails with (tests never skip silently).
 * Debian's packages by default; PROPERSO_CHROMIUM / PROPERSO_FIREFOX point elsewhere.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.PROPERSO_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.PROPERSO_FIREFOX ?? '/usr/bin/firefox-esr';

export function requireBrowser(name: 'Chromium' | 'Firefox ESR', path: string): string {
  if (existsSync(path)) return path;
  const pkg = name === 'Chromium' ? 'chromium' : 'firefox-esr';
  const variable = name === 'Chromium' ? 'PROPERSO_CHROMIUM' : 'PROPERSO_FIREFOX';
  throw new Error(
    `${name} not found at ${path}. Install it with \`sudo apt-get install -y ${pkg}\` (Debian/Ubuntu), ` +
      `or set ${variable} to its executable.`,
  );
}

export function requireBuild(dir: string, command: string): string {
  if (existsSync(`${dir}/manifest.json`)) return dir;
  throw new Error(`No extension build in ${dir}: run \`${command}\` first.`);
}
