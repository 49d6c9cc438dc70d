// @vitest-environment happy-dom
// Catches badges that touch the site's DOM or layout, show HTML from anywhere, appear while switched
// off, or stay after being switched off; and a pause or a platform switched off that still reads.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createBadges } from '@/entrypoints/content/badges';
import { applyPreferences } from '@/entrypoints/content/preferences';
import { defaultPreferences, preferencesSetting } from '@/utils/storage/preferences';
import type { ExtractedPost, PlatformAdapter } from '@/utils/platforms/types';

afterEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
  document.querySelector('properso-badges')?.remove();
});

function fakeContext(): ContentScriptContext {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    addEventListener: (target: EventTarget, type: string, fn: EventListener, options?: AddEventListenerOptions) => target.addEventListener(type, fn, options),
    onInvalidated: () => () => undefined,
  } as unknown as ContentScriptContext;
}

const post = (id: string): ExtractedPost => ({ platform: 'linkedin', id, author: { name: 'A' }, text: 'hello', sponsored: false, truncated: false });

describe('on-page badges', () => {
  it('draw label and probability in a closed shadow root outside the post, and go when switched off', async () => {
    vi.useFakeTimers();
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve([{ label: 'professional', pProfessional: 0.87, uncertain: false }]));
    document.body.innerHTML = '<article id="p1"><p>hello</p></article>';
    const article = document.getElementById('p1')!;
    const before = article.outerHTML;
    const badges = createBadges(fakeContext(), { enabled: true });
    badges.track(article, post('1'));
    await vi.advanceTimersByTimeAsync(1500);
    vi.useRealTimers();
    const host = document.querySelector('properso-badges') as HTMLElement;
    expect(host).not.toBeNull();
    expect(host.shadowRoot).toBeNull(); // closed
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.getAttribute('style')).toMatch(/pointer-events:none/);
    expect(article.outerHTML).toBe(before);
    badges.setEnabled(false);
    expect(document.querySelector('properso-badges')).toBeNull();
  });

  it('are not drawn while switched off', async () => {
    const listener = vi.fn(() => Promise.resolve([]));
    fakeBrowser.runtime.onMessage.addListener(listener);
    document.body.innerHTML = '<article id="p1"></article>';
    const badges = createBadges(fakeContext(), { enabled: false });
    badges.track(document.getElementById('p1')!, post('1'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector('properso-badges')).toBeNull();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('reading preferences in the content script', () => {
  const adapter: PlatformAdapter = {
    id: 'linkedin',
    isFeedUrl: () => true,
    audienceFor: () => ({ key: 'linkedin:feed', kind: 'feed', label: 'LinkedIn · Feed' }),
    findPosts: () => [],
    readPost: () => post('1'),
  };
  const url = new URL('https://www.linkedin.com/feed/');

  it('read nothing while paused or with the platform off, and resume at once', async () => {
    await preferencesSetting.setValue({ ...defaultPreferences(), paused: true });
    const wrapped = applyPreferences(fakeContext(), adapter);
    await vi.waitFor(async () => expect(await preferencesSetting.getValue()).toMatchObject({ paused: true }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(wrapped.isFeedUrl(url)).toBe(false);
    await preferencesSetting.setValue({ ...defaultPreferences(), paused: false });
    await vi.waitFor(() => expect(wrapped.isFeedUrl(url)).toBe(true));
    await preferencesSetting.setValue({ ...defaultPreferences(), platforms: { ...defaultPreferences().platforms, linkedin: false } });
    await vi.waitFor(() => expect(wrapped.isFeedUrl(url)).toBe(false));
  });
});
