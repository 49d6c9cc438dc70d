// @vitest-environment happy-dom
// Catches counting a post glimpsed for less than 500 ms or less than half visible, missing posts added
// later, missing a recycled element's new content, and observers outliving the content script.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPostVisibility } from '@/entrypoints/content/visibility';
import { taskStats } from '@/entrypoints/content/timing';
import { FakeIntersectionObserver } from './fakeIntersectionObserver';

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  document.body.innerHTML = '<div id="feed"><article>one</article><article>two</article></div>';
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  FakeIntersectionObserver.instances = [];
});

function start(controller = new AbortController()) {
  const seen: string[] = [];
  const watcher = watchPostVisibility({
    root: document,
    signal: controller.signal,
    findPosts: (root) => [...root.querySelectorAll('article')],
    onSeen: (el) => seen.push(el.textContent ?? ''),
  });
  return { seen, watcher, io: FakeIntersectionObserver.latest(), controller };
}

const article = (i: number) => document.querySelectorAll('article')[i] as Element;

describe('watchPostVisibility', () => {
  it('reports a post half visible for 500 ms, not one glimpsed or barely visible', async () => {
    const { seen, io } = start();
    io.report(article(0), 0.5);
    io.report(article(1), 0.3);
    await vi.advanceTimersByTimeAsync(499);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(['one']);

    io.report(article(1), 0.8);
    await vi.advanceTimersByTimeAsync(300);
    io.report(article(1), 0.1); // scrolled away before 500 ms
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual(['one']);
  });

  it('counts a post taller than the window once it fills half of it', async () => {
    const { seen, io } = start();
    io.report(article(0), 0.25, 2000); // 500 px of 800 visible
    await vi.advanceTimersByTimeAsync(500);
    expect(seen).toEqual(['one']);
  });

  it('watches posts added later and re-reads a recycled element', async () => {
    const { seen, io, watcher } = start();
    document.querySelector('#feed')?.insertAdjacentHTML('beforeend', '<article>three</article>');
    await vi.advanceTimersByTimeAsync(150);
    expect(watcher.watchedCount).toBe(3);
    io.report(article(2), 1);
    await vi.advanceTimersByTimeAsync(500);
    article(2).textContent = 'recycled';
    await vi.advanceTimersByTimeAsync(150 + 500);
    expect(seen).toEqual(['three', 'recycled']);
  });

  it('needs at least half: 49 % visible never counts, however long', async () => {
    const { seen, io } = start();
    io.report(article(0), 0.49);
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen).toEqual([]);
  });

  it('re-reads a recycled element that comes back on screen with new content', async () => {
    const { seen, io } = start();
    io.report(article(0), 1);
    await vi.advanceTimersByTimeAsync(500);
    io.report(article(0), 0); // scrolled away, then reused for another post
    article(0).textContent = 'reused';
    await vi.advanceTimersByTimeAsync(150);
    io.report(article(0), 0.6);
    await vi.advanceTimersByTimeAsync(500);
    expect(seen).toEqual(['one', 'reused']);
  });

  it('times its own callbacks (the cost on the page that npm run bench reports)', async () => {
    const before = taskStats.count;
    const { io } = start();
    io.report(article(0), 1);
    await vi.advanceTimersByTimeAsync(500);
    expect(taskStats.count).toBeGreaterThanOrEqual(before + 3); // start, intersections, seen
    expect(taskStats.longestMs).toBeGreaterThanOrEqual(0);
    expect(taskStats.totalMs).toBeGreaterThanOrEqual(taskStats.longestMs);
  });

  it('stops when the content script is invalidated', async () => {
    const { seen, io, controller } = start();
    io.report(article(0), 1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual([]);
    expect(io.targets.size).toBe(0);
  });
});
