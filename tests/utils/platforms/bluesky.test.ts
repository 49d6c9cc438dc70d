// @vitest-environment happy-dom
/// <reference types="vite/client" />
// Catches Bluesky markup drift: the Following feed, a custom feed and a profile whose items lost their
// data-testid must yield their posts (reposts, "Show More", times decoded from record keys), never a quote.
import { describe, expect, it } from 'vitest';
import { blueskyAdapter } from '../../../utils/platforms/bluesky';
import { checkPage, parsePage, type ExpectedPage } from './fixtureHarness';
import homeHtml from '../../fixtures/bluesky/home.html?raw';
import home from '../../fixtures/bluesky/home.expected.json';
import feedHtml from '../../fixtures/bluesky/feed.html?raw';
import feed from '../../fixtures/bluesky/feed.expected.json';
import fallbackHtml from '../../fixtures/bluesky/fallback.html?raw';
import fallback from '../../fixtures/bluesky/fallback.expected.json';

const pages: [string, string, ExpectedPage][] = [
  ['Following feed', homeHtml, home as ExpectedPage],
  ['custom feed', feedHtml, feed as ExpectedPage],
  ['profile without feed-item test ids', fallbackHtml, fallback as ExpectedPage],
];

describe('blueskyAdapter', () => {
  it.each(pages)('reads every post of the %s and its audience', (_name, html, expected) => {
    checkPage(blueskyAdapter, html, expected);
  });

  it('never returns a quoted post as a container of its own', () => {
    for (const [, html] of pages) {
      const containers = blueskyAdapter.findPosts(parsePage(html));
      for (const container of containers) expect(containers.some((c) => c !== container && c.contains(container))).toBe(false);
    }
  });

  it('names audiences from the URL', () => {
    const doc = parsePage('<main></main>');
    const audience = (url: string) => blueskyAdapter.audienceFor(new URL(url), doc);
    expect(audience('https://bsky.app/search?q=%23rsCCI')).toEqual({
      key: 'bluesky:hashtag:rscci',
      kind: 'hashtag',
      label: 'Bluesky · #rsCCI',
    });
    expect(audience('https://bsky.app/search?q=cci')).toEqual({ key: 'bluesky:search:cci', kind: 'search', label: 'Bluesky · Search: cci' });
    expect(audience('https://bsky.app/profile/claire.bsky.social/lists/3kx2').key).toBe(
      'bluesky:list:list:claire.bsky.social:3kx2',
    );
    expect(blueskyAdapter.isFeedUrl(new URL('https://bsky.app/profile/claire.bsky.social/post/3mbo36ex3226d'))).toBe(false);
    expect(blueskyAdapter.isFeedUrl(new URL('https://bsky.app/notifications'))).toBe(false);
  });
});
