// @vitest-environment happy-dom
// Catches the content script's reader and the real adapters disagreeing on a saved page: each page's
// posts sent once, in page order, sponsored ones sent marked (stored, not counted), emptied shells and
// comments never sent, filed under the page's audience, and the health counts (found ≥ read = posts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPostReader } from '@/entrypoints/content/reader';
import type { SeenPost } from '@/utils/messaging/protocol';
import { adapterForUrl } from '@/utils/platforms/registry';
import { parsePage, type ExpectedPage } from '../../utils/platforms/fixtureHarness';
import { FakeIntersectionObserver } from './fakeIntersectionObserver';

const pages = import.meta.glob<string>('../../fixtures/*/*.html', { query: '?raw', import: 'default', eager: true });
const expectations = import.meta.glob<ExpectedPage>('../../fixtures/*/*.expected.json', { import: 'default', eager: true });

const cases = Object.entries(pages)
  .map(([path, html]) => ({ name: path.replace('../../fixtures/', ''), html, expected: expectations[path.replace(/\.html$/, '.expected.json')] }))
  .filter((c): c is { name: string; html: string; expected: ExpectedPage } => c.expected !== undefined);

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  FakeIntersectionObserver.instances = [];
});

describe('reader on every saved page', () => {
  it('has pages to read', () => expect(cases.length).toBeGreaterThanOrEqual(8));

  it.each(cases)('$name', async ({ html, expected }) => {
    const url = new URL(expected.url);
    const adapter = adapterForUrl(url, parsePage(html, expected.url));
    if (!adapter) throw new Error(`No adapter for ${expected.url}`);
    const doc = parsePage(html, expected.url);
    const batches: SeenPost[][] = [];
    const reader = startPostReader({
      adapter,
      doc,
      currentUrl: () => url,
      signal: new AbortController().signal,
      send: async (posts) => void batches.push(posts),
    });
    const io = FakeIntersectionObserver.latest();
    const containers = [...io.targets];
    for (const container of containers) io.report(container, 1);
    await vi.advanceTimersByTimeAsync(500);
    // Seen twice: still sent once.
    for (const container of containers) io.report(container, 0);
    for (const container of containers) io.report(container, 1);
    await vi.advanceTimersByTimeAsync(500);
    await reader.flush();

    const sent = batches.flat();
    if (!expected.isFeedUrl) return expect(sent).toEqual([]);
    expect(sent.map((s) => s.post.id)).toEqual(expected.posts.map((p) => p.id));
    expect(sent.map((s) => s.post.sponsored)).toEqual(expected.posts.map((p) => p.sponsored));
    for (const s of sent) expect(s.audience).toEqual(expected.audience);
    expect(reader.health.read).toBe(expected.posts.length);
    // Found: every container seen but empty placeholders (Mastodon's emptied posts, lazy shells).
    expect(reader.health.found).toBe(containers.filter((c) => adapter.readPost(c) !== null || c.textContent?.trim()).length);
  });
});
