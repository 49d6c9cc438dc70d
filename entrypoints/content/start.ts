/**
 * Starts reading posts on a page with one platform's adapter, wired to the background and to WXT's
 * content-script context: shared by the manifest content script (index.ts, the catalog's sites) and
 * the one registered at run time on the Mastodon servers the user granted (mastodon.content.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '@/utils/messaging';
import type { PlatformAdapter } from '@/utils/platforms/types';
import { startPostReader } from './reader';
import { applyPreferences } from './preferences';

export function readPostsOnPage(ctx: ContentScriptContext, platformAdapter: PlatformAdapter): void {
  // Pause, platforms switched off, on-page badges (entrypoints/content/preferences.ts).
  const adapter = applyPreferences(ctx, platformAdapter);
  const reader = startPostReader({
    adapter,
    doc: document,
    currentUrl: () => new URL(location.href),
    signal: ctx.signal,
    async send(posts) {
      await sendMessage({ to: 'background', type: 'postsSeen', posts });
    },
    async sendHealth(report) {
      await sendMessage({ to: 'background', type: 'pageHealth', report });
    },
  });
  // Single-page apps change the URL (and so the audience) without a load: WXT's event follows the
  // Navigation API where the browser has it (pushState, replaceState, back/forward) and polls the URL
  // once a second otherwise. The audience itself is read from the URL when each post is seen.
  ctx.addEventListener(window, 'wxt:locationchange', () => reader.onLocationChange());
  // Send what is waiting before the tab goes to the background or closes.
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'hidden') void reader.flush();
  });
}
