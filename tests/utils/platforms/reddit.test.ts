// @vitest-environment happy-dom
/// <reference types="vite/client" />
// Catches Reddit markup drift: the shreddit home feed and a subreddit, and the old design served at
// www.reddit.com, must yield their posts (shreddit-ad-post, clamped previews), never a comment (t1_).
import { describe, expect, it } from 'vitest';
import { redditAdapter } from '../../../utils/platforms/reddit';
import { checkPage, parsePage, rejectedContainers, type ExpectedPage } from './fixtureHarness';
import homeHtml from '../../fixtures/reddit/home.html?raw';
import home from '../../fixtures/reddit/home.expected.json';
import subredditHtml from '../../fixtures/reddit/subreddit.html?raw';
import subreddit from '../../fixtures/reddit/subreddit.expected.json';
import fallbackHtml from '../../fixtures/reddit/fallback.html?raw';
import fallback from '../../fixtures/reddit/fallback.expected.json';

const pages: [string, string, ExpectedPage][] = [
  ['home feed', homeHtml, home as ExpectedPage],
  ['subreddit', subredditHtml, subreddit as ExpectedPage],
  ['old-design profile overview', fallbackHtml, fallback as ExpectedPage],
];

describe('redditAdapter', () => {
  it.each(pages)('reads every post of the %s and its audience', (_name, html, expected) => {
    checkPage(redditAdapter, html, expected);
  });

  it('turns down a deleted post with no author', () => {
    expect(rejectedContainers(redditAdapter, homeHtml)).toHaveLength(1);
  });

  it('never returns a comment as a post container', () => {
    const containers = redditAdapter.findPosts(parsePage(fallbackHtml));
    expect(containers.map((c) => c.getAttribute('data-fullname'))).toEqual(['t3_1q0cc01', 't3_1q0cc02', 't3_1q0cc03', 't3_1q0cc05', 't3_1q0cc04']);
  });

  it('names audiences from the URL', () => {
    const doc = parsePage('<main></main>');
    const audience = (url: string) => redditAdapter.audienceFor(new URL(url), doc);
    expect(audience('https://www.reddit.com/r/France/top/')).toEqual({ key: 'reddit:group:france', kind: 'group', label: 'Reddit · r/France' });
    expect(audience('https://www.reddit.com/search/?q=CCI+Montpellier')).toEqual({
      key: 'reddit:search:cci montpellier',
      kind: 'search',
      label: 'Reddit · Search: CCI Montpellier',
    });
    expect(audience('https://www.reddit.com/user/paul/m/entrepreneurs/').key).toBe('reddit:list:paul:entrepreneurs');
    expect(audience('https://www.reddit.com/r/popular/').key).toBe('reddit:feed:popular');
    expect(redditAdapter.isFeedUrl(new URL('https://www.reddit.com/r/france/comments/1q0bb01/local_atelier/'))).toBe(false);
  });
});
