/**
 * Times the content script's own work on the page's main thread: every observer callback and timer
 * of ours runs through `timed`, which adds its duration to `taskStats` (two `performance.now()` calls:
 * negligible). Test builds (`--mode e2e`) also leave a `properso:<name>` User Timing measure per task,
 * which the page's timeline shares, so `npm run bench` can read them from the page in a real browser;
 * release builds leave nothing on the page.
 */
export interface TaskStats {
  count: number;
  totalMs: number;
  longestMs: number;
  longestName: string | null;
}

export const taskStats: TaskStats = { count: 0, totalMs: 0, longestMs: 0, longestName: null };

const publishMeasures = import.meta.env?.MODE === 'e2e';

/** `fn`, timed under `name`. Async functions are timed until their first `await` (the part that blocks). */
export function timed<A extends unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    const start = performance.now();
    try {
      return fn(...args);
    } finally {
      const duration = performance.now() - start;
      taskStats.count++;
      taskStats.totalMs += duration;
      if (duration > taskStats.longestMs) {
        taskStats.longestMs = duration;
        taskStats.longestName = name;
      }
      if (publishMeasures) {
        try {
          performance.measure(`properso:${name}`, { start, duration });
        } catch {
          // An old engine without measure options: the in-memory stats still count.
        }
      }
    }
  };
}
