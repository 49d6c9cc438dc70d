/**
 * Counts, for one page view, the post containers the adapter found that met the visibility rule (and
 * hold some text: empty placeholders are not posts found) and how many of them gave a post, and reports the cumulative counts to the background now and then (at
 * most one message every `delayMs`, and when the view ends). The popup warns when a page reads under
 * 80 % of its posts: the site may have changed its markup (utils/storage/pageHealth.ts).
 */
import type { PlatformId } from '@/utils/platforms/catalog';
import type { PageHealthReport } from '@/utils/storage/pageHealth';
import { timed } from './timing';

export interface PageHealthTracker {
  /** This element gave the post keyed `key` (platform + id). */
  noteRead(element: Element, key: string): void;
  /** This element was found and seen, but the adapter read no post from it. */
  noteUnread(element: Element): void;
  /** Sends the view's counts now if they changed since the last report. */
  flush(): Promise<void>;
  /** Ends the view (a single-page navigation): reports it, then counts a new one. */
  newView(): void;
  readonly counts: { found: number; read: number };
}

export interface PageHealthOptions {
  platform: PlatformId;
  send(report: PageHealthReport): Promise<void>;
  signal: AbortSignal;
  delayMs?: number;
  newViewId?: () => string;
}

function randomViewId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function trackPageHealth(options: PageHealthOptions): PageHealthTracker {
  const delayMs = options.delayMs ?? 2000;
  const newViewId = options.newViewId ?? randomViewId;
  let viewId = newViewId();
  let readKeys = new Set<string>();
  /** Elements seen without a post; forgotten when they later give one (Mastodon refills emptied posts). */
  let unread = new Set<Element>();
  let reported = '0/0';
  let timer: ReturnType<typeof setTimeout> | undefined;

  options.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });

  const counts = () => ({ found: readKeys.size + unread.size, read: readKeys.size });

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const { found, read } = counts();
    if (found === 0 || `${read}/${found}` === reported || options.signal.aborted) return;
    reported = `${read}/${found}`;
    try {
      await options.send({ viewId, platform: options.platform, found, read });
    } catch {
      reported = ''; // the background may be restarting: send again next time
    }
  }

  const changed = () => {
    timer ??= setTimeout(timed('health', () => void flush()), delayMs);
  };

  return {
    noteRead(element, key) {
      const wasUnread = unread.delete(element);
      if (readKeys.has(key) && !wasUnread) return;
      readKeys.add(key);
      changed();
    },
    noteUnread(element) {
      if (unread.has(element)) return;
      unread.add(element);
      changed();
    },
    flush,
    newView() {
      void flush();
      viewId = newViewId();
      readKeys = new Set();
      unread = new Set();
      reported = '0/0';
    },
    get counts() {
      return counts();
    },
  };
}
