/**
 * Reads the posts a user actually sees on one platform's pages and hands them, in batches, to the
 * background. Each post is sent once per page life (platform + id, or the adapter's `h:` hash when the
 * page shows no id); the background dedupes across tabs. Sponsored posts are sent too, marked
 * `sponsored` (the background stores them and leaves them out of counts). The audience is the view the
 * post was seen in, taken from the URL at that moment, so a single-page navigation switches it. Each
 * page view also counts the containers found and read (health.ts).
 */
import type { AudienceRef, PlatformAdapter } from '@/utils/platforms/types';
import type { SeenPost } from '@/utils/messaging/protocol';
import type { PageHealthReport } from '@/utils/storage/pageHealth';
import { createBatcher } from './batcher';
import { trackPageHealth } from './health';
import { watchPostVisibility } from './visibility';

export interface PostReaderOptions {
  adapter: PlatformAdapter;
  doc: Document;
  /** Current page URL (single-page apps change it without a page load). */
  currentUrl(): URL;
  send(posts: SeenPost[]): Promise<void>;
  /** Reports the page view's found/read counts; none when absent. */
  sendHealth?(report: PageHealthReport): Promise<void>;
  signal: AbortSignal;
  now?: () => number;
  dwellMs?: number;
  batch?: { maxItems?: number; maxDelayMs?: number };
  healthDelayMs?: number;
  /** Waits before each resend of a batch the background did not take (SEND_RETRY_MS by default). */
  retryDelaysMs?: readonly number[];
}

/** About a minute of resends, then the batch is forgotten until its posts are seen again. */
export const SEND_RETRY_MS = [500, 2_000, 5_000, 15_000, 40_000] as const;

export interface PostReader {
  /** Call after a single-page navigation: sends what was seen in the old view, re-reads the new one. */
  onLocationChange(): void;
  flush(): Promise<void>;
  /** platform + id of every post sent so far. */
  readonly sentKeys: ReadonlySet<string>;
  /** Containers found and posts read in the current page view. */
  readonly health: { found: number; read: number };
}

export function startPostReader(options: PostReaderOptions): PostReader {
  const { adapter, doc, signal } = options;
  const now = options.now ?? Date.now;
  const sentKeys = new Set<string>();
  const retryDelays = options.retryDelaysMs ?? SEND_RETRY_MS;
  let audience: { href: string; ref: AudienceRef } | undefined;

  const batcher = createBatcher<SeenPost>({
    signal,
    ...options.batch,
    async send(posts) {
      // The background may be restarting (a stopped service worker answers nothing to the message it
      // was handling), or storage may be full: send the same batch again a few times. Resending is
      // safe, the background queues each [platform, id] once (utils/storage/pendingQueue.ts).
      for (let attempt = 0; !signal.aborted; attempt++) {
        try {
          await options.send(posts);
          return;
        } catch (error) {
          const delay = retryDelays[attempt];
          if (delay === undefined) {
            // Still failing after about a minute: forget these so a later sighting sends them again.
            for (const { post } of posts) sentKeys.delete(`${post.platform}:${post.id}`);
            console.warn('[properso] could not send posts', error);
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    },
  });

  const sendHealth = options.sendHealth;
  const health = trackPageHealth({
    platform: adapter.id,
    signal,
    delayMs: options.healthDelayMs,
    send: sendHealth ? (report) => sendHealth(report) : async () => {},
  });

  function audienceNow(url: URL): AudienceRef {
    if (audience?.href !== url.href) audience = { href: url.href, ref: adapter.audienceFor(url, doc) };
    return audience.ref;
  }

  const watcher = watchPostVisibility({
    root: doc,
    signal,
    dwellMs: options.dwellMs,
    findPosts: (root) => adapter.findPosts(root),
    onSeen(element) {
      const url = options.currentUrl();
      if (!adapter.isFeedUrl(url)) return;
      const post = adapter.readPost(element);
      if (!post) {
        // An empty container (a placeholder, a post Mastodon emptied) holds nothing to read; one with
        // text that gave no post is what a changed page looks like, and what health counts.
        if (element.textContent?.trim()) health.noteUnread(element);
        return;
      }
      const key = `${post.platform}:${post.id}`;
      health.noteRead(element, key);
      if (sentKeys.has(key)) return;
      sentKeys.add(key);
      batcher.add({ post, audience: audienceNow(url), seenAt: now() });
    },
  });

  return {
    onLocationChange() {
      void batcher.flush();
      health.newView();
      audience = undefined;
      watcher.rescan();
      watcher.restartDwell();
    },
    flush: async () => {
      await Promise.all([batcher.flush(), health.flush()]);
    },
    sentKeys,
    get health() {
      return health.counts;
    },
  };
}
