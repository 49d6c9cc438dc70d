// @vitest-environment happy-dom
/// <reference types="vite/client" />
// Catches Facebook markup drift: the News Feed (2025), a group in French and a page in the 2021–2023 markup
// must yield their posts (obfuscated ads, shares, "See more"), never a comment or a shared post's words.
import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '../../../utils/platforms/facebook';
import { checkPage, parsePage, rejectedContainers, type ExpectedPage } from './fixtureHarness';
import homeHtml from '../../fixtures/facebook/home.html?raw';
import home from '../../fixtures/facebook/home.expected.json';
import groupHtml from '../../fixtures/facebook/group.html?raw';
import group from '../../fixtures/facebook/group.expected.json';
import fallbackHtml from '../../fixtures/facebook/fallback.html?raw';
import fallback from '../../fixtures/facebook/fallback.expected.json';

const pages: [string, string, ExpectedPage][] = [
  ['News Feed', homeHtml, home as ExpectedPage],
  ['group (French interface)', groupHtml, group as ExpectedPage],
  ['page in the 2021–2023 markup', fallbackHtml, fallback as ExpectedPage],
];

describe('facebookAdapter', () => {
  it.each(pages)('reads every post of the %s and its audience', (_name, html, expected) => {
    checkPage(facebookAdapter, html, expected);
  });

  it('turns down loading shells and "People you may know"', () => {
    expect(rejectedContainers(facebookAdapter, homeHtml)).toHaveLength(2);
  });

  it('never returns a comment (an article with an aria-label) as a post container', () => {
    for (const [, html] of pages) {
      for (const container of facebookAdapter.findPosts(parsePage(html))) {
        expect(container.closest('div[role="article"][aria-label]')).toBeNull();
      }
    }
  });

  it('names audiences from the URL', () => {
    const doc = parsePage('<div role="main"></div>');
    const audience = (url: string) => facebookAdapter.audienceFor(new URL(url), doc);
    expect(audience('https://www.facebook.com/groups/ccimontpellier/').label).toBe('Facebook · ccimontpellier');
    expect(audience('https://www.facebook.com/hashtag/rsCCI')).toEqual({
      key: 'facebook:hashtag:rscci',
      kind: 'hashtag',
      label: 'Facebook · #rsCCI',
    });
    expect(audience('https://www.facebook.com/search/posts/?q=CCI').key).toBe('facebook:search:cci');
    expect(audience('https://www.facebook.com/profile.php?id=100001234567890').key).toBe('facebook:profile:100001234567890');
    expect(audience('https://web.facebook.com/groups/feed/').key).toBe('facebook:feed:groups');
    expect(facebookAdapter.isFeedUrl(new URL('https://www.facebook.com/marketplace/'))).toBe(false);
    expect(facebookAdapter.isFeedUrl(new URL('https://www.facebook.com/acme.sas/posts/2876543210987654'))).toBe(false);
  });
});
