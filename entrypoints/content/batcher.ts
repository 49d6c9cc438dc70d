/**
 * Gathers items and sends them together: when `maxItems` are waiting, or `maxDelayMs` after the first
 * one, whichever comes first. One message per batch keeps the background (and, in Chrome, the
 * offscreen host) from waking for every post while the user scrolls fast.
 */
import { timed } from './timing';

export interface Batcher<T> {
  add(item: T): void;
  /** Sends what is waiting now. */
  flush(): Promise<void>;
  readonly pending: number;
}

export interface BatcherOptions<T> {
  send(items: T[]): Promise<void>;
  maxItems?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
}

export function createBatcher<T>(options: BatcherOptions<T>): Batcher<T> {
  const maxItems = options.maxItems ?? 20;
  const maxDelayMs = options.maxDelayMs ?? 250;
  let waiting: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  options.signal?.addEventListener('abort', () => clearTimeout(timer), { once: true });

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (waiting.length === 0 || options.signal?.aborted) return;
    const items = waiting;
    waiting = [];
    await options.send(items);
  }

  return {
    add(item) {
      if (options.signal?.aborted) return;
      waiting.push(item);
      if (waiting.length >= maxItems) void flush();
      else timer ??= setTimeout(timed('send', () => void flush()), maxDelayMs);
    },
    flush,
    get pending() {
      return waiting.length;
    },
  };
}
