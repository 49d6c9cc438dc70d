// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://www.linkedin.com/feed/" }
// Catches a post sent twice (also from a recycled or cloned element, also with an `h:` hash id), an ad
// lost or sent unmarked, a recycled element's new post missed, a Mastodon post read after it was
// emptied, a post filed under the previous view after a single-page navigation, posts read on pages
// that are not feeds, and wrong found/read health counts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPostReader } from '@/entrypoints/content/reader';
import type { SeenPost } from '@/utils/messaging/protocol';
import type { PlatformAdapter } from '@/utils/platforms/types';
import { FakeIntersectionObserver } from './fakeIntersectionObserver';

const adapter: PlatformAdapter = {
  id: 'linkedin',
  isFeedUrl: (url) => !url.pathname.startsWith('/settings'),
  audienceFor: (url) => ({ key: `linkedin:${url.pathname}`, kind: 'feed', label: url.pathname }),
  findPosts: (root) => [...root.querySelectorAll('article')],
  readPost: (el) => ({
    platform: 'linkedin',
    id: el.getAttribute('data-id') ?? '',
    author: {},
    text: el.textContent ?? '',
    sponsored: el.hasAttribute('data-ad'),
    truncated: false,
  }),
};

let url = new URL('https://www.linkedin.com/feed/');
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  document.body.innerHTML =
    '<article data-id="1">Hello</article><article data-id="2" data-ad>Buy</article><article data-id="3">Bye</article>';
  url = new URL('https://www.linkedin.com/feed/');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  FakeIntersectionObserver.instances = [];
});

function start() {
  const batches: SeenPost[][] = [];
  const reader = startPostReader({
    adapter,
    doc: document,
    currentUrl: () => url,
    signal: new AbortController().signal,
    now: () => 42,
    send: async (posts) => void batches.push(posts),
  });
  return { reader, batches, io: FakeIntersectionObserver.latest() };
}
const article = (id: string) => document.querySelector(`[data-id="${id}"]`) as Element;

describe('startPostReader', () => {
  it('sends each visible post once, ads marked sponsored, in one batch', async () => {
    const { batches, io } = start();
    for (const id of ['1', '2', '3']) io.report(article(id), 1);
    await vi.advanceTimersByTimeAsync(500 + 250);
    io.report(article('1'), 0);
    io.report(article('1'), 1);
    await vi.advanceTimersByTimeAsync(500 + 250);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.map((s) => `${s.post.id}:${s.post.sponsored}`)).toEqual(['1:false', '2:true', '3:false']);
    expect(batches[0]?.[0]).toMatchObject({ audience: { key: 'linkedin:/feed/' }, seenAt: 42 });
  });

  it('files posts under the view they were seen in after a navigation', async () => {
    const { reader, batches, io } = start();
    io.report(article('1'), 1);
    await vi.advanceTimersByTimeAsync(500);
    url = new URL('https://www.linkedin.com/groups/42/');
    reader.onLocationChange();
    io.report(article('3'), 1);
    await vi.advanceTimersByTimeAsync(500 + 250);
    expect(batches.map((b) => b.map((s) => `${s.post.id}@${s.audience.key}`))).toEqual([
      ['1@linkedin:/feed/'],
      ['3@linkedin:/groups/42/'],
    ]);
  });

  it('reads nothing on pages that are not feeds', async () => {
    url = new URL('https://www.linkedin.com/settings/');
    const { batches, io } = start();
    io.report(article('1'), 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toEqual([]);
  });
});

describe('startPostReader: seen once, recycled, emptied', () => {
  const ids = (batches: SeenPost[][]) => batches.flat().map((s) => s.post.id);

  it('sends a post once even when another element shows it (platform + id, `h:` ids too)', async () => {
    document.body.innerHTML =
      '<article data-id="h:0123456789abcdef">Same</article><article data-id="h:0123456789abcdef">Same</article>';
    const { batches, io } = start();
    for (const el of document.querySelectorAll('article')) io.report(el, 1);
    await vi.advanceTimersByTimeAsync(500 + 250);
    expect(ids(batches)).toEqual(['h:0123456789abcdef']);
  });

  it('re-reads a recycled element when its content changes (X, Facebook)', async () => {
    const { batches, io } = start();
    io.report(article('1'), 1);
    await vi.advanceTimersByTimeAsync(500);
    // The site reuses the element for another post while it stays on screen.
    const el = article('1');
    el.setAttribute('data-id', '9');
    el.textContent = 'Another post';
    await vi.advanceTimersByTimeAsync(100 + 500 + 250);
    expect(ids(batches)).toEqual(['1', '9']);
    expect(batches.flat()[1]?.post.text).toBe('Another post');
  });

  it('reads a post while it is visible, and never an emptied shell (Mastodon)', async () => {
    document.body.innerHTML = '<article data-id="7">Toot</article>';
    const batches: SeenPost[][] = [];
    const reader = startPostReader({
      // Like the Mastodon adapter: an emptied article is not a post.
      adapter: { ...adapter, readPost: (el) => (el.textContent ? adapter.readPost(el) : null) },
      doc: document,
      currentUrl: () => url,
      signal: new AbortController().signal,
      send: async (posts) => void batches.push(posts),
    });
    const io = FakeIntersectionObserver.latest();
    const el = document.querySelector('article') as Element;
    io.report(el, 1);
    await vi.advanceTimersByTimeAsync(200);
    el.textContent = ''; // Mastodon empties the post before 500 ms: nothing to read
    io.report(el, 0);
    io.report(el, 1);
    await vi.advanceTimersByTimeAsync(500 + 250);
    expect(ids(batches)).toEqual([]);
    el.textContent = 'Toot'; // filled again when back on screen
    await vi.advanceTimersByTimeAsync(100 + 500 + 250);
    expect(ids(batches)).toEqual(['7']);
    expect(reader.health).toEqual({ found: 1, read: 1 });
  });

  it('counts containers found and posts read per page view', async () => {
    // The third is a suggestion unit the adapter does not read; an empty placeholder is not found at all.
    document.body.innerHTML =
      '<article data-id="1">One</article><article data-id="2">Two</article><article>Suggested for you</article><article> </article>';
    const reports: { found: number; read: number; viewId: string }[] = [];
    const reader = startPostReader({
      adapter: { ...adapter, readPost: (el) => (el.getAttribute('data-id') ? adapter.readPost(el) : null) },
      doc: document,
      currentUrl: () => url,
      signal: new AbortController().signal,
      send: async () => {},
      sendHealth: async (report) => void reports.push(report),
      healthDelayMs: 1000,
    });
    const io = FakeIntersectionObserver.latest();
    for (const el of document.querySelectorAll('article')) io.report(el, 1);
    await vi.advanceTimersByTimeAsync(500);
    expect(reader.health).toEqual({ found: 3, read: 2 });
    expect(reports).toEqual([]); // batched: one report per second at most
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toMatchObject([{ platform: 'linkedin', found: 3, read: 2 }]);
    url = new URL('https://www.linkedin.com/groups/42/');
    reader.onLocationChange();
    expect(reader.health).toEqual({ found: 0, read: 0 });
    // The posts still on screen count again in the new view once seen for 500 ms there.
    await vi.advanceTimersByTimeAsync(500);
    await reader.flush();
    expect(reports.map((r) => `${r.read}/${r.found}`)).toEqual(['2/3', '2/3']);
    expect(reports[1]?.viewId).not.toBe(reports[0]?.viewId);
  });
});

describe('startPostReader: single-page navigation', () => {
  it('files a post under the URL of the moment, before any location event (history.pushState)', async () => {
    history.replaceState(null, '', '/feed/');
    const batches: SeenPost[][] = [];
    startPostReader({
      adapter,
      doc: document,
      currentUrl: () => new URL(location.href),
      signal: new AbortController().signal,
      send: async (posts) => void batches.push(posts),
    });
    const io = FakeIntersectionObserver.latest();
    io.report(article('1'), 1);
    await vi.advanceTimersByTimeAsync(500);
    history.pushState(null, '', '/company/acme/posts/');
    io.report(article('3'), 1);
    await vi.advanceTimersByTimeAsync(500 + 250);
    expect(batches.flat().map((s) => `${s.post.id}@${s.audience.key}`)).toEqual([
      '1@linkedin:/feed/',
      '3@linkedin:/company/acme/posts/',
    ]);
  });

  it('sends a batch again when the background did not take it (worker restarting, storage full)', async () => {
    let failures = 2;
    const delivered: SeenPost[][] = [];
    startPostReader({
      adapter,
      doc: document,
      currentUrl: () => url,
      signal: new AbortController().signal,
      retryDelaysMs: [100, 100, 100],
      async send(posts) {
        if (failures-- > 0) throw new Error('The message port closed before a response was received.');
        delivered.push(posts);
      },
    });
    const io = FakeIntersectionObserver.latest();
    for (const id of ['1', '3']) io.report(article(id), 1);
    await vi.advanceTimersByTimeAsync(500 + 250);
    expect(delivered).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(delivered.map((b) => b.map((s) => s.post.id))).toEqual([['1', '3']]);
  });

  it('after the last resend, forgets the batch so that seeing its posts again sends them', async () => {
    let backgroundUp = false;
    const delivered: SeenPost[][] = [];
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reader = startPostReader({
      adapter,
      doc: document,
      currentUrl: () => url,
      signal: new AbortController().signal,
      retryDelaysMs: [100],
      async send(posts) {
        if (!backgroundUp) throw new Error('Could not establish connection. Receiving end does not exist.');
        delivered.push(posts);
      },
    });
    const io = FakeIntersectionObserver.latest();
    io.report(article('1'), 1);
    await vi.advanceTimersByTimeAsync(500 + 250 + 100);
    expect(reader.sentKeys.has('linkedin:1')).toBe(false);
    backgroundUp = true;
    io.report(article('1'), 0);
    io.report(article('1'), 1);
    await vi.advanceTimersByTimeAsync(500 + 250);
    expect(delivered.map((b) => b.map((s) => s.post.id))).toEqual([['1']]);
  });
});
