/** Command-line options of `npm run demo`. */
import { parseArgs } from 'node:util';

export interface DemoOptions {
  /** No window: scroll, print the table, write the outputs and quit. */
  headless: boolean;
  /** Folder of the outputs (tallies.json, posts.jsonl, screenshots). */
  out: string;
  /** Replay the user's saved pages (DIR/pages.json) instead of the bundled demo feeds. */
  pagesDir: string | null;
  help: boolean;
}

export const USAGE = `Usage: npm run demo -- [options]

Builds the Chrome extension, opens Chromium with it on demo feeds served at their real URLs (offline),
scrolls every page, then shows the popup and prints the per-audience table.

Options:
  --headless     no window: scroll, print, write the outputs and quit (default: headed, and the
                 browser stays open afterwards until you close it)
  --out DIR      where to write tallies.json, posts.jsonl and popup screenshots (default: demo-output)
  --pages DIR    replay your own saved pages: DIR/pages.json lists {"url": "https://…", "file": "…"}
  -h, --help     this help

Chromium: CHROME_PATH, else chromium / chromium-browser / google-chrome on PATH.`;

export class UsageError extends Error {}

export function parseDemoArgs(argv: readonly string[]): DemoOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        headless: { type: 'boolean', default: false },
        out: { type: 'string', default: 'demo-output' },
        pages: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const out = values.out.trim();
  if (out === '') throw new UsageError('--out needs a folder');
  const pagesDir = values.pages === undefined ? null : values.pages.trim();
  if (pagesDir === '') throw new UsageError('--pages needs a folder holding pages.json');
  return { headless: values.headless, out, pagesDir, help: values.help };
}
