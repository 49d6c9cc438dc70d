/**
 * Decides when a post has been seen: at least half of it (or, for a post taller than the window, half
 * the window) visible for 500 ms without interruption. Reports the element then, so that its text is
 * read while it is on screen (Mastodon empties posts that scroll away). Sites recycle elements as you
 * scroll (X, Facebook): when a watched element's content changes, its dwell starts again and it is
 * reported again, and the reader decides by post id whether it is new. Every callback is timed
 * (timing.ts: the content script's cost on the page).
 */
import { timed } from './timing';

export interface VisibilityWatcherOptions {
  /** The document whose posts are watched. */
  root: Document;
  findPosts(root: ParentNode): Element[];
  /** Called when an element met the visibility rule (again, after its content changed). */
  onSeen(element: Element): void;
  /** Stops everything: WXT's `ctx.signal`, aborted when the content script is invalidated. */
  signal: AbortSignal;
  dwellMs?: number;
  minVisibleShare?: number;
  /** Delay that gathers a burst of DOM mutations into one rescan. */
  rescanDelayMs?: number;
}

export interface VisibilityWatcher {
  /** Looks for new, removed and changed posts now (also runs after DOM mutations). */
  rescan(): void;
  /** Restarts the dwell of every visible post (the view changed under them: a new audience). */
  restartDwell(): void;
  /** Elements watched now (for tests and diagnostics). */
  readonly watchedCount: number;
}

interface Watched {
  visible: boolean;
  timer?: ReturnType<typeof setTimeout>;
  /** Text content when the element was last reported; a change means the element was recycled. */
  reportedText?: string;
}

// Fine thresholds so that tall posts report their growing visible height while scrolling.
const THRESHOLDS = Array.from({ length: 21 }, (_, i) => i / 20);

export function watchPostVisibility(options: VisibilityWatcherOptions): VisibilityWatcher {
  const { root, findPosts, onSeen, signal } = options;
  const dwellMs = options.dwellMs ?? 500;
  const minShare = options.minVisibleShare ?? 0.5;
  const rescanDelayMs = options.rescanDelayMs ?? 100;
  const watched = new Map<Element, Watched>();
  let rescanTimer: ReturnType<typeof setTimeout> | undefined;

  const isSeenEnough = (entry: IntersectionObserverEntry): boolean => {
    if (!entry.isIntersecting) return false;
    if (entry.intersectionRatio >= minShare) return true;
    const viewport = entry.rootBounds?.height ?? root.defaultView?.innerHeight ?? 0;
    return viewport > 0 && entry.intersectionRect.height >= minShare * viewport;
  };

  const startDwell = (element: Element, state: Watched) => {
    clearTimeout(state.timer);
    state.timer = setTimeout(
      timed('seen', () => {
        state.timer = undefined;
        if (signal.aborted || !state.visible || !element.isConnected) return;
        state.reportedText = element.textContent ?? '';
        onSeen(element);
      }),
      dwellMs,
    );
  };

  const intersections = new IntersectionObserver(
    timed('intersections', (entries: IntersectionObserverEntry[]) => {
      for (const entry of entries) {
        const state = watched.get(entry.target);
        if (!state) continue;
        const visible = isSeenEnough(entry);
        if (visible && !state.visible) {
          state.visible = true;
          startDwell(entry.target, state);
        } else if (!visible && state.visible) {
          state.visible = false;
          clearTimeout(state.timer);
          state.timer = undefined;
        }
      }
    }),
    { threshold: THRESHOLDS },
  );

  function rescan(): void {
    if (signal.aborted) return;
    for (const [element, state] of watched) {
      if (!element.isConnected) {
        clearTimeout(state.timer);
        intersections.unobserve(element);
        watched.delete(element);
      } else if (
        state.visible &&
        state.timer === undefined &&
        state.reportedText !== undefined &&
        state.reportedText !== (element.textContent ?? '')
      ) {
        startDwell(element, state); // recycled: new content in a visible element
      }
    }
    for (const element of findPosts(root)) {
      if (watched.has(element)) continue;
      watched.set(element, { visible: false });
      intersections.observe(element);
    }
  }

  const mutations = new MutationObserver(
    timed('mutations', () => {
      if (rescanTimer !== undefined) return;
      rescanTimer = setTimeout(
        timed('rescan', () => {
          rescanTimer = undefined;
          rescan();
        }),
        rescanDelayMs,
      );
    }),
  );
  mutations.observe(root.documentElement, { childList: true, subtree: true, characterData: true });

  signal.addEventListener(
    'abort',
    () => {
      mutations.disconnect();
      intersections.disconnect();
      clearTimeout(rescanTimer);
      for (const state of watched.values()) clearTimeout(state.timer);
      watched.clear();
    },
    { once: true },
  );

  timed('start', rescan)();
  return {
    rescan,
    restartDwell() {
      for (const [element, state] of watched) if (state.visible) startDwell(element, state);
    },
    get watchedCount() {
      return watched.size;
    },
  };
}
