/**
 * Finds the Chromium to run the demo with: CHROME_PATH when set, else the first of chromium,
 * chromium-browser, google-chrome (and google-chrome-stable) on PATH. Pure, for tests: the PATH and a
 * file check are passed in.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export const INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`), or set CHROME_PATH to a Chromium or Chrome executable.';

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChromium(
  env: Readonly<Record<string, string | undefined>>,
  executable: (path: string) => boolean = isExecutable,
): { path: string } | { error: string } {
  const chosen = env.CHROME_PATH?.trim();
  if (chosen) {
    return executable(chosen) ? { path: chosen } : { error: `CHROME_PATH is ${chosen}, which is not an executable file. ${INSTALL_HINT}` };
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (executable(path)) return { path };
    }
  }
  return { error: `No Chromium found (looked for ${CHROMIUM_NAMES.join(', ')} on PATH). ${INSTALL_HINT}` };
}
