// Catches batches sent too late, too often, or after the content script was invalidated.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBatcher } from '@/entrypoints/content/batcher';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createBatcher', () => {
  it('sends after the delay, or at once when full', async () => {
    const sent: number[][] = [];
    const batcher = createBatcher<number>({ maxItems: 3, maxDelayMs: 250, send: async (items) => void sent.push(items) });
    batcher.add(1);
    batcher.add(2);
    await vi.advanceTimersByTimeAsync(249);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([[1, 2]]);
    batcher.add(3);
    batcher.add(4);
    batcher.add(5);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([[1, 2], [3, 4, 5]]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(2);
  });

  it('drops everything once aborted', async () => {
    const controller = new AbortController();
    const send = vi.fn(async () => {});
    const batcher = createBatcher<number>({ send, signal: controller.signal });
    batcher.add(1);
    controller.abort();
    batcher.add(2);
    await vi.advanceTimersByTimeAsync(1000);
    await batcher.flush();
    expect(send).not.toHaveBeenCalled();
  });
});
