/**
 * Reading health per platform: of the post containers an adapter found on a page (and the user saw),
 * how many gave a post. Sites change their markup without notice; a falling ratio is the first sign
 * (users of such extensions ask most for quick fixes after a site changes: FEEDS.md). Content scripts
 * report cumulative counts per page view; the background keeps the latest page views of this browser
 * session (`storage.session`: counts of containers, never content) and the popup shows the summary.
 */
import { storage } from 'wxt/utils/storage';
import { PLATFORM_IDS, isPlatformId, type PlatformId } from '../platforms/catalog';

/** What a content script reports about one page view: cumulative, so a repeat replaces the last. */
export interface PageHealthReport {
  /** Random id of one page view (a page load, or a single-page navigation). */
  viewId: string;
  platform: PlatformId;
  /** Post containers that met the visibility rule and hold text (empty placeholders are left out). */
  found: number;
  /** Of those, the ones the adapter read a post from. */
  read: number;
}

export interface PageHealthLog {
  views: (PageHealthReport & { at: number })[];
}

export interface PlatformHealth {
  platform: PlatformId;
  /** Sums over the page views kept. */
  found: number;
  read: number;
  /** The latest page view with posts (`found ≥ MIN_FOUND_FOR_WARNING`), null when none. */
  lastPage: { found: number; read: number } | null;
  /** The latest page with posts read under WARN_BELOW_RATIO of them: the site may have changed. */
  warning: boolean;
}

export const WARN_BELOW_RATIO = 0.8;
/** A page "has posts" from 3 containers: one stray shell or placeholder should not raise an alarm. */
export const MIN_FOUND_FOR_WARNING = 3;
/** Page views kept per platform. */
export const VIEWS_KEPT = 20;

export function emptyPageHealthLog(): PageHealthLog {
  return { views: [] };
}

/** The log with this report (replacing the same page view's previous one); never mutates its input. */
export function recordPageHealth(log: PageHealthLog, report: PageHealthReport, now: number): PageHealthLog {
  const found = Math.max(0, Math.floor(report.found));
  const read = Math.min(found, Math.max(0, Math.floor(report.read)));
  const entry = { viewId: String(report.viewId), platform: report.platform, found, read, at: now };
  const views = [...log.views.filter((v) => v.viewId !== entry.viewId), entry];
  // Keep the latest VIEWS_KEPT per platform.
  const kept: typeof views = [];
  const perPlatform = new Map<PlatformId, number>();
  for (let i = views.length - 1; i >= 0; i--) {
    const view = views[i]!;
    const n = perPlatform.get(view.platform) ?? 0;
    if (n >= VIEWS_KEPT) continue;
    perPlatform.set(view.platform, n + 1);
    kept.unshift(view);
  }
  return { views: kept };
}

/** One entry per platform that reported, in catalog order. */
export function summarisePageHealth(log: PageHealthLog): PlatformHealth[] {
  const out: PlatformHealth[] = [];
  for (const platform of PLATFORM_IDS) {
    const views = log.views.filter((v) => v.platform === platform);
    if (views.length === 0) continue;
    const withPosts = views.filter((v) => v.found >= MIN_FOUND_FOR_WARNING).sort((a, b) => a.at - b.at);
    const last = withPosts.at(-1);
    out.push({
      platform,
      found: views.reduce((sum, v) => sum + v.found, 0),
      read: views.reduce((sum, v) => sum + v.read, 0),
      lastPage: last ? { found: last.found, read: last.read } : null,
      warning: last !== undefined && last.read < WARN_BELOW_RATIO * last.found,
    });
  }
  return out;
}

/** The log, for this browser session only (`storage.session`: gone when the browser closes). */
export const pageHealthLogItem = storage.defineItem<PageHealthLog>('session:pageHealth', {
  fallback: emptyPageHealthLog(),
  version: 1,
});

export function isPageHealthReport(value: unknown): value is PageHealthReport {
  const r = value as Partial<PageHealthReport> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.viewId === 'string' &&
    isPlatformId(r.platform) &&
    Number.isFinite(r.found) &&
    Number.isFinite(r.read)
  );
}

/**
 * Records reports one after another (each is a read-modify-write of the stored log, and reports from
 * several tabs arrive together).
 */
export function createPageHealthRecorder(item = pageHealthLogItem, now: () => number = Date.now) {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    record(report: PageHealthReport): Promise<void> {
      const done = queue.then(async () => {
        await item.setValue(recordPageHealth(await item.getValue(), report, now()));
      });
      queue = done.catch(() => undefined);
      return done;
    },
    async summary(): Promise<PlatformHealth[]> {
      await queue;
      return summarisePageHealth(await item.getValue());
    },
  };
}
