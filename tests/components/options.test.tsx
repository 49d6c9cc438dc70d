// @vitest-environment happy-dom
// Catches the popup's health line or warning missing (or shown on a healthy page) in either language,
// a Mastodon server added without the browser's permission prompt running inside the user's click,
// and the options page changing audiences without going through the background.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AudienceSettings } from '@/components/AudienceSettings';
import { MastodonServers } from '@/components/MastodonServers';
import { PlatformHealth } from '@/components/PlatformHealth';
import { STRINGS } from '@/components/i18n';
import type { sendMessage } from '@/utils/messaging';

type Send = typeof sendMessage;
const flush = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))));

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});
function mount(node: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  void act(() => render(node, root));
  return root;
}

describe('PlatformHealth', () => {
  const platforms = [
    { platform: 'linkedin', found: 15, read: 9, lastPage: { found: 10, read: 5 }, warning: true },
    { platform: 'x', found: 4, read: 4, lastPage: { found: 4, read: 4 }, warning: false },
  ] as const;

  it('shows read of found per platform and warns where a page read under 80 %', () => {
    const el = mount(<PlatformHealth strings={STRINGS.en} language="en" platforms={structuredClone(platforms) as never} />);
    expect([...el.querySelectorAll('li .ratio')].map((li) => li.textContent)).toEqual(['read 9 of 15 found', 'read 4 of 4 found']);
    expect([...el.querySelectorAll('.warning')].map((w) => w.textContent)).toEqual([
      'LinkedIn may have changed its page; some posts are not read',
    ]);
  });

  it('speaks French', () => {
    const el = mount(<PlatformHealth strings={STRINGS.fr} language="fr" platforms={structuredClone(platforms) as never} />);
    expect(el.querySelector('li .ratio')?.textContent).toBe('9 lus sur 15 trouvés');
    expect(el.querySelector('.warning')?.textContent).toBe(
      'LinkedIn a peut-être changé sa page ; certains posts ne sont pas lus',
    );
  });
});

describe('MastodonServers', () => {
  it('asks the browser inside the submit, then has the background register the server', async () => {
    const sent: unknown[] = [];
    const send = vi.fn(async (message: { type: string; host?: string }) => {
      sent.push(message);
      if (message.type === 'getMastodonServers') return { servers: [] };
      return { servers: [{ host: message.host, registered: true }] };
    }) as unknown as Send;
    let inGesture = false;
    const requestAccess = vi.fn(async () => inGesture);
    const el = mount(<MastodonServers strings={STRINGS.en} send={send} requestAccess={requestAccess} />);
    await flush();
    expect(el.textContent).toContain('No other server yet.');
    const input = el.querySelector('input[name="server"]') as HTMLInputElement;
    input.value = 'https://Toot.Example/home';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    // The prompt call must happen synchronously in the submit handler (the user gesture).
    inGesture = true;
    (el.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    inGesture = false;
    expect(requestAccess).toHaveBeenCalledWith('https://toot.example/*');
    await flush();
    expect(sent).toContainEqual({ to: 'background', type: 'addMastodonServer', host: 'toot.example' });
    expect(el.querySelector('[data-host="toot.example"]')?.textContent).toContain('toot.example');
  });

  it('says so when the user refuses, and registers nothing', async () => {
    const send = vi.fn(async () => ({ servers: [] })) as unknown as Send;
    const el = mount(<MastodonServers strings={STRINGS.fr} send={send} requestAccess={async () => false} />);
    await flush();
    const input = el.querySelector('input[name="server"]') as HTMLInputElement;
    input.value = 'toot.example';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    (el.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    expect(el.querySelector('[role="alert"]')?.textContent).toBe(STRINGS.fr.notGranted);
    expect(send).toHaveBeenCalledTimes(1); // only getMastodonServers
  });
});

describe('AudienceSettings', () => {
  it('renames and merges through the background', async () => {
    const sent: { type: string; change?: unknown }[] = [];
    const definitions = { renames: {}, merges: {}, authorAudiences: [] };
    const send = vi.fn(async (message: { type: string; change?: unknown }) => {
      sent.push(message);
      if (message.type === 'getCounts') {
        return {
          audiences: [
            { audience: { key: 'linkedin:feed', kind: 'feed', label: 'LinkedIn · Feed' }, posts: 2, professional: 1, personal: 1, uncertain: 0 },
            { audience: { key: 'x:feed', kind: 'feed', label: 'X · Feed' }, posts: 1, professional: 1, personal: 0, uncertain: 0 },
          ],
          totals: { posts: 3, professional: 2, personal: 1, uncertain: 0 },
        };
      }
      return definitions;
    }) as unknown as Send;
    const el = mount(<AudienceSettings strings={STRINGS.en} send={send} />);
    await flush();
    expect(sent.find((m) => m.type === 'getCounts')).toMatchObject({ asRecorded: true });
    const rename = el.querySelector('tr[data-audience="linkedin:feed"] input') as HTMLInputElement;
    rename.value = 'Work';
    rename.dispatchEvent(new Event('change', { bubbles: true }));
    const merge = el.querySelector('tr[data-audience="x:feed"] select') as HTMLSelectElement;
    merge.value = 'linkedin:feed';
    merge.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    expect(sent.filter((m) => m.type === 'updateAudiences').map((m) => m.change)).toEqual([
      { kind: 'rename', key: 'linkedin:feed', label: 'Work' },
      { kind: 'merge', from: 'x:feed', into: 'linkedin:feed' },
    ]);
  });
});
