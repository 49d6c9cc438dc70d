/**
 * `--pages DIR`: the user's own saved pages. DIR/pages.json lists `{"url": "https://…", "file": "…"}`
 * entries; each file (relative to DIR) is served at its URL. Every problem is reported at once, each
 * naming its entry, before a browser starts.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { PLATFORM_IDS, PLATFORMS, type PlatformId } from '../../utils/platforms/catalog';
import { matchesPattern } from '../../utils/platforms/registry';

/** A page the demo serves: where, what, and where it came from (for messages). */
export interface ServedPage {
  platform: PlatformId;
  url: string;
  html: string;
  source: string;
}

export interface PagesFileEntry {
  url: string;
  platform: PlatformId;
  /** Absolute path of the saved page. */
  path: string;
}

/**
 * The catalog platform whose match patterns (the content script's) cover this URL, adapter registered
 * or not. Mastodon servers other than mastodon.social need a permission granted at run time, which the
 * demo's fresh profile does not have: they match nothing here.
 */
export function platformForUrl(url: URL): PlatformId | undefined {
  return PLATFORM_IDS.find((id) => PLATFORMS[id].matches.some((pattern) => matchesPattern(pattern, url)));
}

const SUPPORTED_HOSTS = PLATFORM_IDS.flatMap((id) => PLATFORMS[id].matches.map((p) => new URL(p.replace('*', 'x')).hostname)).join(', ');

/**
 * Checks the text of DIR/pages.json. `fileExists` is injected so tests need no files. Returns the
 * entries when all are valid, else every error (each naming the entry: `entry 2 (https://…)`).
 */
export function parsePagesFile(
  text: string,
  dir: string,
  fileExists: (path: string) => boolean = existsSync,
): { entries: PagesFileEntry[]; errors: string[] } {
  const where = join(dir, 'pages.json');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { entries: [], errors: [`${where} is not valid JSON: ${(error as Error).message}`] };
  }
  if (!Array.isArray(data)) {
    return { entries: [], errors: [`${where} must be a list: [{"url": "https://…", "file": "page.html"}, …]`] };
  }
  if (data.length === 0) return { entries: [], errors: [`${where} lists no pages`] };

  const entries: PagesFileEntry[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  data.forEach((item: unknown, i) => {
    const n = i + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return void errors.push(`entry ${n}: expected {"url": "https://…", "file": "page.html"}, got ${JSON.stringify(item)}`);
    }
    const { url: rawUrl, file } = item as { url?: unknown; file?: unknown };
    const name = typeof rawUrl === 'string' ? `entry ${n} (${rawUrl})` : `entry ${n}`;
    const before = errors.length;
    let url: URL | undefined;
    if (typeof rawUrl !== 'string' || rawUrl.trim() === '') errors.push(`${name}: "url" is missing`);
    else {
      try {
        url = new URL(rawUrl);
      } catch {
        errors.push(`${name}: "url" is not a valid URL`);
      }
    }
    if (url && url.protocol !== 'https:') errors.push(`${name}: "url" must start with https:// (the sites are served over https)`);
    const platform = url && url.protocol === 'https:' ? platformForUrl(url) : undefined;
    if (url && url.protocol === 'https:' && !platform) {
      errors.push(`${name}: no supported platform matches ${url.hostname} (supported hosts: ${SUPPORTED_HOSTS}; other Mastodon servers need a permission the demo cannot grant)`);
    }
    let path: string | undefined;
    if (typeof file !== 'string' || file.trim() === '') errors.push(`${name}: "file" is missing`);
    else {
      path = isAbsolute(file) ? file : resolve(dir, file);
      if (!fileExists(path)) errors.push(`${name}: file "${file}" not found (looked for ${path})`);
    }
    if (url) {
      const key = withoutHash(url);
      const first = seen.get(key);
      if (first !== undefined) errors.push(`${name}: same URL as entry ${first}; each URL serves one page`);
      else seen.set(key, n);
    }
    if (errors.length === before && url && platform && path) entries.push({ url: withoutHash(url), platform, path });
  });
  return errors.length ? { entries: [], errors } : { entries, errors };
}

function withoutHash(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/**
 * Saved pages often lose the style sheet that sizes their icons, and an SVG with no size is drawn
 * 300×150 px: a saved Threads feed grows to 40,000 px and takes minutes to scroll. This rule of zero
 * specificity (`:where`) sizes such icons like text and gives way to any rule or attribute of the page.
 */
export const ICON_SIZE_FALLBACK = '<style data-properso-demo>:where(svg:not([width]):not([height])){width:1.25em;height:1.25em}</style>';

export function withIconSizeFallback(html: string): string {
  const head = /<\/head\s*>/i.exec(html);
  if (head) return `${html.slice(0, head.index)}${ICON_SIZE_FALLBACK}${html.slice(head.index)}`;
  const body = /<body[^>]*>/i.exec(html);
  if (body) return `${html.slice(0, body.index)}${ICON_SIZE_FALLBACK}${html.slice(body.index)}`;
  return `${ICON_SIZE_FALLBACK}${html}`;
}

/** Reads DIR/pages.json and the pages it lists; throws one error listing every problem. */
export async function loadPagesDir(dir: string): Promise<ServedPage[]> {
  const listPath = join(dir, 'pages.json');
  if (!existsSync(listPath)) {
    throw new Error(`--pages ${dir}: no pages.json there. Write one: [{"url": "https://www.linkedin.com/feed/", "file": "feed.html"}]`);
  }
  const { entries, errors } = parsePagesFile(await readFile(listPath, 'utf8'), dir);
  if (errors.length) throw new Error(`--pages ${dir}: pages.json has problems:\n  ${errors.join('\n  ')}`);
  return Promise.all(
    entries.map(async (entry) => ({
      platform: entry.platform,
      url: entry.url,
      html: withIconSizeFallback(await readFile(entry.path, 'utf8')),
      source: entry.path,
    })),
  );
}
