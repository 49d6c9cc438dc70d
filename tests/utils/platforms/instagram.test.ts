// @vitest-environment happy-dom
/// <reference types="vite/client" />
// Catches Instagram markup drift: the 2025 feed, a profile grid with an opened post and the 2022 feed
// must yield their posts (ads, paid partnerships, "more"), never a comment or a comment preview.
import { describe, expect, it } from 'vitest';
import { instagramAdapter } from '../../../utils/platforms/instagram';
import { checkPage, rejectedContainers, type ExpectedPage } from './fixtureHarness';
import homeHtml from '../../fixtures/instagram/home.html?raw';
import home from '../../fixtures/instagram/home.expected.json';
import profileHtml from '../../fixtures/instagram/profile.html?raw';
import profile from '../../fixtures/instagram/profile.expected.json';
import fallbackHtml from '../../fixtures/instagram/fallback.html?raw';
import fallback from '../../fixtures/instagram/fallback.expected.json';

const pages: [string, string, ExpectedPage][] = [
  ['home feed (2025 markup)', homeHtml, home as ExpectedPage],
  ['profile grid with an opened post', profileHtml, profile as ExpectedPage],
  ['home feed (2022 markup)', fallbackHtml, fallback as ExpectedPage],
];

describe('instagramAdapter', () => {
  it.each(pages)('reads every post of the %s and its audience', (_name, html, expected) => {
    checkPage(instagramAdapter, html, expected);
  });

  it('turns down a loading placeholder', () => {
    expect(rejectedContainers(instagramAdapter, homeHtml)).toHaveLength(1);
  });

  it('names audiences from the URL', () => {
    const doc = document.implementation.createHTMLDocument('');
    const audience = (url: string) => instagramAdapter.audienceFor(new URL(url), doc);
    expect(audience('https://www.instagram.com/explore/tags/rsCCI/')).toEqual({
      key: 'instagram:hashtag:rscci',
      kind: 'hashtag',
      label: 'Instagram · #rsCCI',
    });
    expect(audience('https://www.instagram.com/explore/search/keyword/?q=cci').key).toBe('instagram:search:cci');
    expect(instagramAdapter.isFeedUrl(new URL('https://www.instagram.com/p/DEaa0001xYz/'))).toBe(false);
    expect(instagramAdapter.isFeedUrl(new URL('https://www.instagram.com/direct/inbox/'))).toBe(false);
  });
});
