// Catches a health summary that warns on a healthy page, misses a page reading under 80 %, counts a
// repeated report twice, or grows without bound.
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  VIEWS_KEPT,
  createPageHealthRecorder,
  emptyPageHealthLog,
  isPageHealthReport,
  recordPageHealth,
  summarisePageHealth,
  type PageHealthReport,
} from '@/utils/storage/pageHealth';

afterEach(() => fakeBrowser.reset());

const report = (viewId: string, found: number, read: number, platform: PageHealthReport['platform'] = 'linkedin') => ({
  viewId,
  platform,
  found,
  read,
});

describe('page health', () => {
  it('replaces a page view’s earlier report and sums per platform', () => {
    let log = emptyPageHealthLog();
    log = recordPageHealth(log, report('a', 4, 4), 1);
    log = recordPageHealth(log, report('a', 10, 9), 2);
    log = recordPageHealth(log, report('b', 5, 5, 'x'), 3);
    expect(summarisePageHealth(log)).toEqual([
      { platform: 'linkedin', found: 10, read: 9, lastPage: { found: 10, read: 9 }, warning: false },
      { platform: 'x', found: 5, read: 5, lastPage: { found: 5, read: 5 }, warning: false },
    ]);
  });

  it('warns when the latest page with posts read under 80 % of them', () => {
    let log = recordPageHealth(emptyPageHealthLog(), report('a', 10, 7), 1);
    expect(summarisePageHealth(log)[0]?.warning).toBe(true);
    log = recordPageHealth(log, report('b', 10, 8), 2); // exactly 80 %: fine
    expect(summarisePageHealth(log)[0]?.warning).toBe(false);
    log = recordPageHealth(log, report('c', 2, 0), 3); // fewer than 3 found: not a page with posts
    expect(summarisePageHealth(log)[0]).toMatchObject({ warning: false, lastPage: { found: 10, read: 8 } });
  });

  it('keeps the latest page views per platform and clamps odd counts', () => {
    let log = emptyPageHealthLog();
    for (let i = 0; i < VIEWS_KEPT + 5; i++) log = recordPageHealth(log, report(`v${i}`, 1, 1), i);
    log = recordPageHealth(log, report('odd', 3, 7, 'x'), 99);
    expect(log.views.filter((v) => v.platform === 'linkedin')).toHaveLength(VIEWS_KEPT);
    expect(log.views.at(-1)).toMatchObject({ found: 3, read: 3 });
    expect(isPageHealthReport(report('a', 1, 1))).toBe(true);
    expect(isPageHealthReport({ ...report('a', 1, 1), platform: 'myspace' })).toBe(false);
  });

  it('records reports arriving together one after another', async () => {
    const recorder = createPageHealthRecorder();
    await Promise.all([recorder.record(report('a', 5, 5)), recorder.record(report('b', 5, 1)), recorder.record(report('c', 5, 5, 'x'))]);
    expect((await recorder.summary()).map((p) => `${p.platform}:${p.read}/${p.found}`)).toEqual(['linkedin:6/10', 'x:5/5']);
  });
});
