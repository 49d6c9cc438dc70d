// @vitest-environment happy-dom
/// <reference types="vite/client" />
// Catches Mastodon markup drift on any server: the 4.x web app (home, a list in French) and the 3.x public
// profile must yield their posts (boosts, content warnings, "Read more"), never a quoted post or an
// article emptied off screen, and nothing may touch the initial-state script that holds the access token.
import { describe, expect, it } from 'vitest';
import { hasMastodonMarkup, mastodonAdapter, SELECTORS } from '../../../utils/platforms/mastodon';
import { checkPage, parsePage, readAll, rejectedContainers, type ExpectedPage } from './fixtureHarness';
import homeHtml from '../../fixtures/mastodon/home.html?raw';
import home from '../../fixtures/mastodon/home.expected.json';
import listHtml from '../../fixtures/mastodon/list.html?raw';
import list from '../../fixtures/mastodon/list.expected.json';
import fallbackHtml from '../../fixtures/mastodon/fallback.html?raw';
import fallback from '../../fixtures/mastodon/fallback.expected.json';

const pages: [string, string, ExpectedPage][] = [
  ['home timeline (4.x web app)', homeHtml, home as ExpectedPage],
  ['list (French interface)', listHtml, list as ExpectedPage],
  ['public profile (3.x server-rendered)', fallbackHtml, fallback as ExpectedPage],
];

describe('mastodonAdapter', () => {
  it.each(pages)('reads every post of the %s and its audience', (_name, html, expected) => {
    checkPage(mastodonAdapter, html, expected);
  });

  it('turns down articles emptied off screen', () => {
    expect(rejectedContainers(mastodonAdapter, homeHtml)).toHaveLength(1);
    expect(rejectedContainers(mastodonAdapter, listHtml)).toHaveLength(1);
  });

  it('recognises every fixture by its markup, whatever the host', () => {
    for (const [, html] of pages) expect(hasMastodonMarkup(parsePage(html))).toBe(true);
    expect(hasMastodonMarkup(parsePage('<main><article><p>Not Mastodon</p></article></main>'))).toBe(false);
  });

  it('never selects the initial-state script and never reads the token', () => {
    const secret = 'SECRET-ACCESS-TOKEN-0123';
    const html = homeHtml.replace(
      '<head>',
      `<head><script id="initial-state" type="application/json">{"meta":{"access_token":"${secret}"}}</script>`,
    );
    const doc = parsePage(html);
    const script = doc.getElementById('initial-state')!;
    for (const selectors of Object.values(SELECTORS)) {
      for (const selector of selectors) expect(Array.from(doc.querySelectorAll(selector))).not.toContain(script);
    }
    const read = JSON.stringify(readAll(mastodonAdapter, doc));
    expect(read).not.toContain(secret);
    expect(JSON.stringify(mastodonAdapter.audienceFor(new URL('https://toot.example/home'), doc))).not.toContain(secret);
  });

  it('names audiences from the URL on any host', () => {
    const doc = parsePage('<div></div>');
    const audience = (url: string) => mastodonAdapter.audienceFor(new URL(url), doc);
    expect(audience('https://piaille.example/tags/rsCCI')).toEqual({
      key: 'mastodon:hashtag:rscci',
      kind: 'hashtag',
      label: 'Mastodon · #rsCCI',
    });
    expect(audience('https://toot.example/deck/public/local').key).toBe('mastodon:feed:local:toot.example');
    expect(audience('https://toot.example/@marie@piaille.example').key).toBe('mastodon:profile:marie@piaille.example');
    expect(audience('https://toot.example/search?q=CCI').key).toBe('mastodon:search:cci');
    expect(mastodonAdapter.isFeedUrl(new URL('https://toot.example/@claire/113800000000000001'))).toBe(false);
    expect(mastodonAdapter.isFeedUrl(new URL('https://toot.example/notifications'))).toBe(false);
  });
});
