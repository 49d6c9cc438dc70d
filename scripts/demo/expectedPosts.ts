/**
 * What the content script should count on a page, worked out ahead in Node: the registered adapter run
 * over the page's HTML under happy-dom (no scripts, no network), keeping posts that are read, not ads,
 * and not read twice. The demo waits for that many posts per page and says when the browser counted a
 * different number; the unit tests use it to keep the demo templates in step with the adapters.
 */
import { Window } from 'happy-dom';
import { adapterForUrl } from '../../utils/platforms/registry';
import type { AudienceRef, ExtractedPost } from '../../utils/platforms/types';

export interface PagePrediction {
  /** False when no adapter is registered for the URL, or the adapter does not read this kind of page. */
  read: boolean;
  audience: AudienceRef | null;
  /** Posts the extension should count (read, not sponsored, one per id). */
  posts: ExtractedPost[];
  /** Containers found, ads among them, and containers the adapter turned down. */
  containers: number;
  sponsored: number;
  rejected: number;
}

export async function predictPage(url: string, html: string): Promise<PagePrediction> {
  const adapter = adapterForUrl(new URL(url));
  const empty = { audience: null, posts: [], containers: 0, sponsored: 0, rejected: 0 };
  if (!adapter || !adapter.isFeedUrl(new URL(url))) return { read: false, ...empty };
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const containers = adapter.findPosts(doc);
    const read = containers.map((c) => adapter.readPost(c));
    const seen = new Set<string>();
    const posts: ExtractedPost[] = [];
    for (const post of read) {
      if (!post || post.sponsored || seen.has(post.id)) continue;
      seen.add(post.id);
      posts.push(post);
    }
    return {
      read: true,
      audience: adapter.audienceFor(new URL(url), doc),
      posts,
      containers: containers.length,
      sponsored: read.filter((p) => p?.sponsored).length,
      rejected: read.filter((p) => p === null).length,
    };
  } finally {
    await window.happyDOM.close();
  }
}
