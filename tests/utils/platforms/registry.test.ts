// @vitest-environment happy-dom
/// <reference types="vite/client" />
// Guards the platform registry: every catalog id has exactly one adapter and a full set of fixtures, and
// URLs reach the right adapter (Mastodon by grant or by markup on any host, never by a guessed name).
import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS, PLATFORMS } from '../../../utils/platforms/catalog';
import { ADAPTERS, adapterById, adapterForUrl, matchesPattern } from '../../../utils/platforms/registry';
import { parsePage } from './fixtureHarness';
import mastodonHome from '../../fixtures/mastodon/home.html?raw';
import redditHome from '../../fixtures/reddit/home.html?raw';

const fixtureFiles = Object.keys(import.meta.glob('../../fixtures/*/*', { query: '?raw', import: 'default' }));
const filesOf = (id: string) =>
  fixtureFiles.filter((path) => path.startsWith(`../../fixtures/${id}/`)).map((path) => path.split('/').pop()!);

describe('platform registry', () => {
  it('registers exactly one adapter per catalog id, and nothing else', () => {
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual([...PLATFORM_IDS].sort());
    for (const id of PLATFORM_IDS) expect(ADAPTERS.filter((a) => a.id === id)).toHaveLength(1);
    for (const id of PLATFORM_IDS) expect(adapterById(id)?.id).toBe(id);
  });

  it.each([...PLATFORM_IDS])('has home, fallback and one more fixture, each with its expectations, for %s', (id) => {
    const files = filesOf(id);
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages).toContain('home.html');
    expect(pages).toContain('fallback.html');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(files).toContain(page.replace(/\.html$/, '.expected.json'));
  });

  it('accepts a sample URL for every catalog match pattern', () => {
    for (const id of PLATFORM_IDS) {
      for (const pattern of PLATFORMS[id].matches) {
        const sample = new URL(pattern.replace('/*', '/'));
        expect(matchesPattern(pattern, sample)).toBe(true);
        expect(adapterForUrl(sample)?.id).toBe(id);
      }
    }
  });

  it.each([
    ['https://www.linkedin.com/feed/', 'linkedin'],
    ['https://www.facebook.com/groups/ccimontpellier/', 'facebook'],
    ['https://web.facebook.com/', 'facebook'],
    ['https://x.com/search?q=%23rsCCI', 'x'],
    ['https://twitter.com/home', 'x'],
    ['https://www.instagram.com/acme.sas/', 'instagram'],
    ['https://www.threads.net/@acme.sas', 'threads'],
    ['https://www.threads.com/', 'threads'],
    ['https://mastodon.social/home', 'mastodon'],
    ['https://bsky.app/profile/claire.bsky.social', 'bluesky'],
    ['https://www.reddit.com/r/france/', 'reddit'],
  ])('routes %s to %s', (url, id) => {
    expect(adapterForUrl(new URL(url))?.id).toBe(id);
  });

  it('routes nothing else without a grant or Mastodon markup', () => {
    expect(adapterForUrl(new URL('https://old.reddit.com/r/france/'))).toBeUndefined();
    expect(adapterForUrl(new URL('http://www.linkedin.com/feed/'))).toBeUndefined();
    expect(adapterForUrl(new URL('https://toot.example/home'))).toBeUndefined();
    expect(adapterForUrl(new URL('https://toot.example/home'), parsePage(redditHome))).toBeUndefined();
    expect(adapterForUrl(new URL('https://linkedin.com.evil.example/feed/'))).toBeUndefined();
  });

  it('routes any host to Mastodon when granted or when the page shows Mastodon markup', () => {
    const url = new URL('https://toot.example/home');
    expect(adapterForUrl(url, undefined, ['toot.example'])?.id).toBe('mastodon');
    expect(adapterForUrl(url, undefined, ['https://toot.example/*'])?.id).toBe('mastodon');
    expect(adapterForUrl(url, undefined, ['piaille.example'])).toBeUndefined();
    expect(adapterForUrl(url, parsePage(mastodonHome))?.id).toBe('mastodon');
    expect(adapterForUrl(new URL('https://piaille.example/lists/42'), parsePage(mastodonHome))?.id).toBe('mastodon');
  });
});
