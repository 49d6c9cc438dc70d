// @vitest-environment happy-dom
// Catches the popup saying nothing (or crashing) about stored data: storage full without its message
// and way out, posts waiting not shown, damaged records set aside without a notice, a notice that
// cannot be dismissed, one language missing, and a popup left blank by an error while rendering.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StorageNotices } from '@/components/StorageNotices';
import { STRINGS } from '@/components/i18n';
import { PopupErrorBoundary } from '@/entrypoints/popup/ErrorBoundary';
import type { sendMessage, StorageStatus } from '@/utils/messaging';
import { noStorageProblems, type StorageProblems } from '@/utils/storage/integrity';

type Send = typeof sendMessage;
const flush = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))));
const AT = Date.UTC(2026, 10, 1, 12);

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});
async function mount(node: preact.ComponentChild): Promise<HTMLElement> {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(node, root!));
  await flush();
  return root;
}

/** A background that answers the storage messages with these replies (and records what it was sent). */
function fakeBackground(status: StorageStatus | Error, problems: StorageProblems | Error = noStorageProblems()) {
  const sent: string[] = [];
  let current = problems;
  const send = vi.fn(async (message: { type: string }) => {
    sent.push(message.type);
    if (message.type === 'getStorageStatus') {
      if (status instanceof Error) throw status;
      return status;
    }
    if (message.type === 'dismissStorageProblems') current = noStorageProblems();
    if (current instanceof Error) throw current;
    return current;
  }) as unknown as Send;
  return { send, sent };
}

const damaged: StorageProblems = {
  posts: 3,
  postFields: { label: 2, seenAt: 1 },
  totals: 1,
  settings: ['preferences', 'uiLanguage'],
  firstAt: AT,
  latestAt: AT,
};

describe('StorageNotices', () => {
  it('says storage is full, and how to free space, with a way to the data settings', async () => {
    const { send } = fakeBackground({ pending: 0, full: { at: AT, message: 'QuotaExceededError' } });
    const open = vi.fn();
    const el = await mount(<StorageNotices strings={STRINGS.en} language="en" send={send} openDataSettings={open} />);
    const notice = el.querySelector('[data-notice="storage-full"]');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(notice?.textContent).toContain('Storage is full: new posts cannot be saved. Free space by deleting old data');
    (notice?.querySelector('button') as HTMLButtonElement).click();
    expect(open).toHaveBeenCalledTimes(1);
    expect(el.querySelector('[data-notice="pending"]')).toBeNull();
  });

  it('says it in French', async () => {
    const { send } = fakeBackground({ pending: 12, full: { at: AT, message: 'QuotaExceededError' } }, damaged);
    const el = await mount(<StorageNotices strings={STRINGS.fr} language="fr" send={send} />);
    expect(el.querySelector('[data-notice="storage-full"]')?.textContent).toContain('Le stockage est plein : les nouveaux posts ne peuvent pas être enregistrés.');
    expect(el.querySelector('[data-notice="pending"]')?.textContent).toBe('12 posts en attente de classement');
    expect(el.querySelector('[data-problem="posts"]')?.textContent).toBe('3 enregistrements endommagés ont été mis de côté ; les chiffres ne les comptent pas.');
    expect(el.querySelector('[data-problem="settings"]')?.textContent).toBe('Des réglages illisibles ont été réinitialisés : réglages de lecture et de données, langue.');
    expect(el.querySelector('[data-action="dismiss-problems"]')?.textContent).toBe('Masquer');
  });

  it('shows posts waiting to be classified discreetly, and nothing when none wait or the storage is fine', async () => {
    const one = await mount(<StorageNotices strings={STRINGS.en} language="en" send={fakeBackground({ pending: 1, full: null }).send} />);
    expect(one.querySelector('[data-notice="pending"]')?.textContent).toBe('1 post waiting to be classified');
    expect(one.querySelector('[role="alert"]')).toBeNull();
    render(null, one);
    const none = await mount(<StorageNotices strings={STRINGS.en} language="en" send={fakeBackground({ pending: 0, full: null }).send} />);
    expect(none.textContent).toBe('');
  });

  it('reports damaged records set aside (counts, kinds, when) until dismissed', async () => {
    const { send, sent } = fakeBackground({ pending: 0, full: null }, damaged);
    const el = await mount(<StorageNotices strings={STRINGS.en} language="en" send={send} />);
    const notice = el.querySelector('[data-notice="storage-problems"]');
    expect(notice?.querySelector('[data-problem="posts"]')?.textContent).toBe('3 damaged records were set aside; the figures leave them out.');
    expect(notice?.querySelector('[data-problem="totals"]')?.textContent).toBe('The stored totals were damaged; they were recounted from the posts.');
    expect(notice?.querySelector('.detail')?.textContent).toMatch(/^Found on 1 Nov 2026, \d\d:\d\d\. Damaged fields: label 2, seenAt 1\.$/);
    (notice?.querySelector('[data-action="dismiss-problems"]') as HTMLButtonElement).click();
    await flush();
    expect(sent).toContain('dismissStorageProblems');
    expect(el.querySelector('[data-notice="storage-problems"]')).toBeNull();
  });

  it('says one record in the singular', async () => {
    const el = await mount(<StorageNotices strings={STRINGS.en} language="en" send={fakeBackground({ pending: 0, full: null }, { ...damaged, posts: 1, totals: 0, settings: [] }).send} />);
    expect(el.querySelector('[data-problem="posts"]')?.textContent).toBe('1 damaged record was set aside; the figures leave it out.');
  });

  it('shows nothing, and does not throw, when the background does not answer these messages', async () => {
    const { send } = fakeBackground(new Error('No handler for background message getStorageStatus'), new Error('Receiving end does not exist'));
    const el = await mount(<StorageNotices strings={STRINGS.en} language="en" send={send} />);
    expect(el.textContent).toBe('');
  });
});

describe('PopupErrorBoundary', () => {
  function Broken(): never {
    throw new TypeError("Cannot read properties of undefined (reading 'label')");
  }

  it('shows a clear error with its details instead of a blank popup', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = await mount(
      <PopupErrorBoundary>
        <Broken />
      </PopupErrorBoundary>,
    );
    const alert = el.querySelector('[data-crashed]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toContain(STRINGS.en.crashed);
    expect(alert?.textContent).toContain("TypeError: Cannot read properties of undefined (reading 'label')");
    quiet.mockRestore();
  });

  it('renders its children when nothing goes wrong', async () => {
    const el = await mount(
      <PopupErrorBoundary>
        <p>fine</p>
      </PopupErrorBoundary>,
    );
    expect(el.textContent).toBe('fine');
  });
});
