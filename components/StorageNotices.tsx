/**
 * What the popup says about stored data: storage full (the browser refused a write: new posts cannot be
 * saved, with the way to free space), posts still waiting to be classified (discreetly), and damaged
 * records or settings that were set aside or reset (utils/storage/integrity.ts), until dismissed.
 * Polls the background while the popup is open; a background that does not answer shows nothing here
 * (the counts above already say so).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, type StorageStatus } from '@/utils/messaging';
import type { StorageProblems } from '@/utils/storage/integrity';
import type { UiLanguage } from '@/utils/storage/settings';
import { fill, formatCount, type Strings } from './i18n';

const REFRESH_MS = 1500;

interface Props {
  strings: Strings;
  language: UiLanguage;
  /** Given in tests; otherwise sendMessage. */
  send?: typeof sendMessage;
  /** Opens the options page at its data section (given in tests). */
  openDataSettings?: () => void;
}

function openOptionsAtData(): void {
  // The options page's "Your data" section (components/options/DataSettings.tsx, h2#data-title).
  void browser.tabs.create({ url: browser.runtime.getURL('/options.html#data-title') }).then(
    () => window.close(),
    () => browser.runtime.openOptionsPage(),
  );
}

function settingName(strings: Strings, name: string): string {
  const names: Record<string, string> = {
    preferences: strings.settingPreferences,
    audienceDefinitions: strings.settingAudienceDefinitions,
    uiLanguage: strings.settingUiLanguage,
    pseudonymKey: strings.settingPseudonymKey,
  };
  return names[name] ?? name;
}

export function hasProblems(p: StorageProblems | null): p is StorageProblems {
  return !!p && (p.posts > 0 || p.totals > 0 || p.settings.length > 0);
}

export function StorageNotices({ strings, language, send = sendMessage, openDataSettings = openOptionsAtData }: Props) {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [problems, setProblems] = useState<StorageProblems | null>(null);

  useEffect(() => {
    let live = true;
    const refresh = () => {
      send({ to: 'background', type: 'getStorageStatus' }).then(
        (reply) => live && setStatus(reply),
        () => live && setStatus(null),
      );
      send({ to: 'background', type: 'getStorageProblems' }).then(
        (reply) => live && setProblems(reply),
        () => undefined, // keep what was shown
      );
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [send]);

  const dismiss = () =>
    void send({ to: 'background', type: 'dismissStorageProblems' }).then(setProblems, () => setProblems(null));
  const n = (value: number) => formatCount(value, language);
  const when = (at: number) => new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  const full = status?.full ?? null;
  const pending = typeof status?.pending === 'number' && status.pending > 0 ? status.pending : 0;
  const fields = problems ? Object.entries(problems.postFields).map(([field, count]) => `${field} ${n(count)}`).join(', ') : '';

  return (
    <>
      {full && (
        <div class="notice notice-full" role="alert" data-notice="storage-full">
          <p>{strings.storageFull}</p>
          <button type="button" class="link" onClick={openDataSettings}>
            {strings.openDataSettings}
          </button>
        </div>
      )}
      {hasProblems(problems) && (
        <div class="notice notice-damaged" role="status" data-notice="storage-problems">
          {problems.posts > 0 && (
            <p data-problem="posts">{problems.posts === 1 ? strings.damagedPostsOne : fill(strings.damagedPostsMany, { n: n(problems.posts) })}</p>
          )}
          {problems.totals > 0 && <p data-problem="totals">{strings.damagedTotals}</p>}
          {problems.settings.length > 0 && (
            <p data-problem="settings">{fill(strings.damagedSettings, { settings: problems.settings.map((s) => settingName(strings, s)).join(', ') })}</p>
          )}
          {problems.latestAt !== null && (
            <p class="detail">{fields ? fill(strings.problemsFound, { when: when(problems.latestAt), fields }) : fill(strings.problemsFoundAt, { when: when(problems.latestAt) })}</p>
          )}
          <button type="button" data-action="dismiss-problems" onClick={dismiss}>
            {strings.dismiss}
          </button>
        </div>
      )}
      {pending > 0 && (
        <p class="pending" data-notice="pending">
          {pending === 1 ? strings.pendingOne : fill(strings.pendingMany, { n: n(pending) })}
        </p>
      )}
    </>
  );
}
