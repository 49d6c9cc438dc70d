// Catches --pages mistakes reaching the browser: every bad entry of pages.json is reported, by number and
// URL, with what is wrong (bad JSON, non-https URL, unknown site, missing file, duplicate URL).
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { ICON_SIZE_FALLBACK, parsePagesFile, platformForUrl, withIconSizeFallback } from '../../../scripts/demo/pagesFile';

const DIR = '/saved';
const exists = (...files: string[]) => (path: string) => files.map((f) => resolve(DIR, f)).includes(path);
const parse = (value: unknown, fileExists = exists('feed.html', 'group.html')) =>
  parsePagesFile(typeof value === 'string' ? value : JSON.stringify(value), DIR, fileExists);

describe('parsePagesFile', () => {
  it('accepts https pages of supported platforms whose files exist', () => {
    const { entries, errors } = parse([
      { url: 'https://www.linkedin.com/feed/', file: 'feed.html' },
      { url: 'https://www.facebook.com/groups/cci/#top', file: 'group.html' },
    ]);
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      { url: 'https://www.linkedin.com/feed/', platform: 'linkedin', path: resolve(DIR, 'feed.html') },
      { url: 'https://www.facebook.com/groups/cci/', platform: 'facebook', path: resolve(DIR, 'group.html') },
    ]);
  });

  it('names the file when it is not JSON, or not a list', () => {
    expect(parse('[{"url": ').errors).toEqual([expect.stringMatching(/^\/saved\/pages\.json is not valid JSON: /)]);
    expect(parse({ url: 'https://x.com/home' }).errors).toEqual([expect.stringContaining('must be a list')]);
    expect(parse([]).errors).toEqual([expect.stringContaining('lists no pages')]);
  });

  it('reports every bad entry, each by number and URL', () => {
    const { entries, errors } = parse([
      { url: 'https://www.linkedin.com/feed/', file: 'feed.html' },
      { url: 'http://www.linkedin.com/feed/', file: 'feed.html' },
      { url: 'https://www.example.com/news', file: 'feed.html' },
      { url: 'https://x.com/home', file: 'missing.html' },
      { url: 'not a url', file: 'feed.html' },
      { file: 'feed.html' },
      { url: 'https://bsky.app/' },
      'https://mastodon.social/home',
      { url: 'https://www.linkedin.com/feed/', file: 'group.html' },
    ]);
    expect(entries).toEqual([]);
    expect(errors).toEqual([
      'entry 2 (http://www.linkedin.com/feed/): "url" must start with https:// (the sites are served over https)',
      expect.stringMatching(/^entry 3 \(https:\/\/www\.example\.com\/news\): no supported platform matches www\.example\.com \(supported hosts: www\.facebook\.com, /),
      `entry 4 (https://x.com/home): file "missing.html" not found (looked for ${resolve(DIR, 'missing.html')})`,
      'entry 5 (not a url): "url" is not a valid URL',
      'entry 6: "url" is missing',
      'entry 7 (https://bsky.app/): "file" is missing',
      'entry 8: expected {"url": "https://…", "file": "page.html"}, got "https://mastodon.social/home"',
      'entry 9 (https://www.linkedin.com/feed/): same URL as entry 1; each URL serves one page',
    ]);
  });
});

describe('platformForUrl', () => {
  it('knows every catalog platform by host, registered adapter or not', () => {
    expect(platformForUrl(new URL('https://twitter.com/home'))).toBe('x');
    expect(platformForUrl(new URL('https://www.threads.net/'))).toBe('threads');
    expect(platformForUrl(new URL('https://www.reddit.com/r/france/'))).toBe('reddit');
    expect(platformForUrl(new URL('https://linkedin.com.evil.example/'))).toBeUndefined();
  });
});

describe('demo/saved-pages-example', () => {
  it('is a valid --pages folder (its fixture files still exist)', async () => {
    const { readFile } = await import('node:fs/promises');
    const dir = 'demo/saved-pages-example';
    const { entries, errors } = parsePagesFile(await readFile(`${dir}/pages.json`, 'utf8'), dir);
    expect(errors).toEqual([]);
    expect(new Set(entries.map((e) => e.platform)).size).toBeGreaterThanOrEqual(7);
  });
});

describe('withIconSizeFallback', () => {
  it('adds the icon-size rule at the end of <head>, else before <body>, else first', () => {
    expect(withIconSizeFallback('<html><head><title>t</title></head><body></body></html>')).toBe(
      `<html><head><title>t</title>${ICON_SIZE_FALLBACK}</head><body></body></html>`,
    );
    expect(withIconSizeFallback('<body class="a"><p>x</p>')).toBe(`${ICON_SIZE_FALLBACK}<body class="a"><p>x</p>`);
    expect(withIconSizeFallback('<p>x</p>')).toBe(`${ICON_SIZE_FALLBACK}<p>x</p>`);
  });
});
