// @vitest-environment happy-dom
// Catches a post sent twice, an ad counted, a post filed under the previous view after a single-page
// navigation, and posts read on pages that are not feeds.
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
  it('sends each visible post once, never ads, in one batch', async () => {
    const { batches, io } = start();
    for (const id of ['1', '2', '3']) io.report(article(id), 1);
    await vi.advanceTimersByTimeAsync(500 + 250);
    io.report(article('1'), 0);
    io.report(article('1'), 1);
    await vi.advanceTimersByTimeAsync(500 + 250);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.map((s) => s.post.id)).toEqual(['1', '3']);
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
