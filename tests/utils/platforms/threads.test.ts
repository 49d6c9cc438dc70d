// @vitest-environment happy-dom
/// <reference types="vite/client" />
// Catches Threads markup drift: the feed, a profile and a page without data-pressable-container (the
// permalink fallback) must yield their posts (ads, paid partnerships, reposts), never a quoted post.
import { describe, expect, it } from 'vitest';
import { threadsAdapter } from '../../../utils/platforms/threads';
import { checkPage, parsePage, rejectedContainers, type ExpectedPage } from './fixtureHarness';
import homeHtml from '../../fixtures/threads/home.html?raw';
import home from '../../fixtures/threads/home.expected.json';
import profileHtml from '../../fixtures/threads/profile.html?raw';
import profile from '../../fixtures/threads/profile.expected.json';
import fallbackHtml from '../../fixtures/threads/fallback.html?raw';
import fallback from '../../fixtures/threads/fallback.expected.json';

const pages: [string, string, ExpectedPage][] = [
  ['feed', homeHtml, home as ExpectedPage],
  ['profile', profileHtml, profile as ExpectedPage],
  ['profile without data-pressable-container', fallbackHtml, fallback as ExpectedPage],
];

describe('threadsAdapter', () => {
  it.each(pages)('reads every post of the %s and its audience', (_name, html, expected) => {
    checkPage(threadsAdapter, html, expected);
  });

  it('turns down a "Suggested for you" row', () => {
    expect(rejectedContainers(threadsAdapter, homeHtml)).toHaveLength(1);
  });

  it('collapses a quoted post into the post that quotes it in the fallback', () => {
    expect(threadsAdapter.findPosts(parsePage(fallbackHtml))).toHaveLength(5);
  });

  it('names audiences from the URL', () => {
    const doc = parsePage('<main></main>');
    const audience = (url: string) => threadsAdapter.audienceFor(new URL(url), doc);
    expect(audience('https://www.threads.com/search?q=rsCCI&serp_type=tags')).toEqual({
      key: 'threads:hashtag:rscci',
      kind: 'hashtag',
      label: 'Threads · #rsCCI',
    });
    expect(audience('https://www.threads.com/search?q=cci').key).toBe('threads:search:cci');
    expect(threadsAdapter.isFeedUrl(new URL('https://www.threads.com/@acme.sas/post/DEth0101aB'))).toBe(false);
  });
});
