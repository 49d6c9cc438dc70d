// @vitest-environment happy-dom
/// <reference types="vite/client" />
// Catches X markup drift: tweets in the home timeline, a hashtag search and a list in the older markup
// must yield their posts (ads in placementTracking, reposts, "Show more"), never a quoted tweet's text.
import { describe, expect, it } from 'vitest';
import { xAdapter } from '../../../utils/platforms/x';
import { checkPage, parsePage, rejectedContainers, type ExpectedPage } from './fixtureHarness';
import homeHtml from '../../fixtures/x/home.html?raw';
import home from '../../fixtures/x/home.expected.json';
import hashtagHtml from '../../fixtures/x/hashtag.html?raw';
import hashtag from '../../fixtures/x/hashtag.expected.json';
import fallbackHtml from '../../fixtures/x/fallback.html?raw';
import fallback from '../../fixtures/x/fallback.expected.json';

const pages: [string, string, ExpectedPage][] = [
  ['home timeline', homeHtml, home as ExpectedPage],
  ['hashtag search', hashtagHtml, hashtag as ExpectedPage],
  ['list in the older markup', fallbackHtml, fallback as ExpectedPage],
];

describe('xAdapter', () => {
  it.each(pages)('reads every post of the %s and its audience', (_name, html, expected) => {
    checkPage(xAdapter, html, expected);
  });

  it('turns down a tombstone ("This post is unavailable")', () => {
    expect(rejectedContainers(xAdapter, homeHtml)).toHaveLength(1);
  });

  it('never returns a quoted tweet as a container of its own', () => {
    for (const [, html] of pages) {
      for (const container of xAdapter.findPosts(parsePage(html))) expect(container.closest('div[role="link"]')).toBeNull();
    }
  });

  it('names audiences from the URL', () => {
    const doc = parsePage('<main></main>');
    const audience = (url: string) => xAdapter.audienceFor(new URL(url), doc);
    expect(audience('https://x.com/search?q=cci&src=typed_query')).toEqual({
      key: 'x:search:cci',
      kind: 'search',
      label: 'X · Search: cci',
    });
    expect(audience('https://x.com/hashtag/rsCCI')).toEqual({ key: 'x:hashtag:rscci', kind: 'hashtag', label: 'X · #rsCCI' });
    expect(audience('https://x.com/Acme_SAS/with_replies')).toEqual({
      key: 'x:profile:acme_sas',
      kind: 'profile',
      label: 'X · @Acme_SAS',
    });
    expect(xAdapter.isFeedUrl(new URL('https://x.com/acme_sas/status/2010626550791824479'))).toBe(false);
    expect(xAdapter.isFeedUrl(new URL('https://x.com/messages'))).toBe(false);
    expect(xAdapter.isFeedUrl(new URL('https://twitter.com/home'))).toBe(true);
  });
});
