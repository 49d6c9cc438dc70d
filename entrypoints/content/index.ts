/**
 * Runs on every platform the catalog lists: picks the platform's adapter and reads the posts the user
 * sees (entrypoints/content/reader.ts). Everything stops with WXT's `ctx` when the extension reloads
 * or updates.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PLATFORM_MATCHES } from '@/utils/platforms/matches';
import { adapterForUrl } from '@/utils/platforms/registry';
import { sendMessage } from '@/utils/messaging';
import { startPostReader } from './reader';

export default defineContentScript({
  matches: PLATFORM_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterForUrl(new URL(location.href));
    if (!adapter) return;
    const reader = startPostReader({
      adapter,
      doc: document,
      currentUrl: () => new URL(location.href),
      signal: ctx.signal,
      async send(posts) {
        await sendMessage({ to: 'background', type: 'postsSeen', posts });
      },
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => reader.onLocationChange());
    // Send what is waiting before the tab goes to the background or closes.
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') void reader.flush();
    });
  },
});
