// @vitest-environment happy-dom
/// <reference types="vite/client" />
// Catches LinkedIn markup drift: the 2026 server-driven feed, company pages and the older Ember markup of
// activity pages must each yield their posts (ads, reposts, cut and image-only posts) and never a comment.
import { describe, expect, it } from 'vitest';
import { linkedinAdapter } from '../../../utils/platforms/linkedin';
import { checkPage, parsePage, rejectedContainers, type ExpectedPage } from './fixtureHarness';
import homeHtml from '../../fixtures/linkedin/home.html?raw';
import home from '../../fixtures/linkedin/home.expected.json';
import companyHtml from '../../fixtures/linkedin/company.html?raw';
import company from '../../fixtures/linkedin/company.expected.json';
import fallbackHtml from '../../fixtures/linkedin/fallback.html?raw';
import fallback from '../../fixtures/linkedin/fallback.expected.json';

const pages: [string, string, ExpectedPage][] = [
  ['home feed (2026 markup)', homeHtml, home as ExpectedPage],
  ['company posts (Ember markup, data-urn)', companyHtml, company as ExpectedPage],
  ['activity page (older markup, French UI)', fallbackHtml, fallback as ExpectedPage],
];

describe('linkedinAdapter', () => {
  it.each(pages)('reads every post of the %s and its audience', (_name, html, expected) => {
    checkPage(linkedinAdapter, html, expected);
  });

  it('turns down loading placeholders and emptied updates instead of reading them', () => {
    expect(rejectedContainers(linkedinAdapter, homeHtml)).toHaveLength(1);
    expect(rejectedContainers(linkedinAdapter, fallbackHtml)).toHaveLength(1);
  });

  it('never returns a comment as a post container', () => {
    for (const [, html] of pages) {
      for (const container of linkedinAdapter.findPosts(parsePage(html))) {
        expect(container.closest('article[aria-label^="Comment"], .comments-comments-list')).toBeNull();
      }
    }
  });

  it('returns null rather than throwing on a malformed container', () => {
    const doc = parsePage('<div role="listitem"><a href="https://www.linkedin.com/in/%E0%A4%A/">x</a></div>');
    expect(() => linkedinAdapter.readPost(doc.body.firstElementChild!)).not.toThrow();
  });

  it('names audiences from the URL when the page has no heading', () => {
    const doc = parsePage('<main></main>');
    const audience = (url: string) => linkedinAdapter.audienceFor(new URL(url), doc);
    expect(audience('https://www.linkedin.com/feed/hashtag/?keywords=rsCCI')).toEqual({
      key: 'linkedin:hashtag:rscci',
      kind: 'hashtag',
      label: 'LinkedIn · #rsCCI',
    });
    expect(audience('https://www.linkedin.com/search/results/content/?keywords=cci%20montpellier')).toEqual({
      key: 'linkedin:search:cci montpellier',
      kind: 'search',
      label: 'LinkedIn · Search: cci montpellier',
    });
    expect(audience('https://www.linkedin.com/groups/9876543/').key).toBe('linkedin:group:9876543');
    expect(linkedinAdapter.isFeedUrl(new URL('https://www.linkedin.com/feed/update/urn:li:activity:1/'))).toBe(false);
    expect(linkedinAdapter.isFeedUrl(new URL('https://www.linkedin.com/messaging/'))).toBe(false);
  });
});
