/**
 * The popup: per-audience counts, read from the background (the only owner of stored data) and
 * refreshed while the popup is open, since posts keep arriving as the user scrolls in another window.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { sendMessage, type CountsReply } from '@/utils/messaging';
import type { UiLanguage } from '@/utils/storage/settings';
import { AudienceTable } from '@/components/AudienceTable';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { PlatformHealth } from '@/components/PlatformHealth';
import { StorageNotices } from '@/components/StorageNotices';
import { browser } from 'wxt/browser';
import { STRINGS, browserLanguage } from '@/components/i18n';
import modelMeta from '@/models/properso.json';
import { PopupFigures } from '@/components/figures/PopupFigures';
import { countsOfSummary, type SummaryReply } from '@/utils/summary/summary';

const REFRESH_MS = 1500;

// Asked for as soon as the script runs, not after the first paint (effects wait for a frame): the
// background's answer overlaps the popup's own start-up (docs/BENCHMARKS.md, "Popup").
let firstSummary: Promise<SummaryReply> | null = sendMessage({ to: 'background', type: 'getSummary' });

export function App() {
  const [language, setLanguage] = useState<UiLanguage>(browserLanguage(navigator.languages));
  const [counts, setCounts] = useState<CountsReply | null>(null);
  const [summary, setSummary] = useState<SummaryReply | null>(null);
  const refreshNow = useRef<() => void>(() => undefined);
  const [error, setError] = useState<string | null>(null);
  const strings = STRINGS[language];

  // Set once the user picks a language here: a saved setting answered later must not undo the pick.
  const picked = useRef(false);

  useEffect(() => {
    void sendMessage({ to: 'background', type: 'getSettings' }).then(
      ({ uiLanguage }) => {
        if (uiLanguage && !picked.current) setLanguage(uiLanguage);
      },
      () => undefined, // the browser's language, and the counts below say the background is unreachable
    );
    let live = true;
    const refresh = () => {
      // One message for the table and the figures, computed from running totals (utils/summary/).
      const pending = firstSummary ?? sendMessage({ to: 'background', type: 'getSummary' });
      firstSummary = null;
      return pending.then(
        (reply) => live && (setSummary(reply), setCounts(countsOfSummary(reply)), setError(null)),
        (reason: unknown) => live && setError(String(reason)),
      );
    };
    refreshNow.current = () => void refresh();
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  // With the words, not a frame later (useEffect waits for the next paint): a screen reader, a test
  // or a translation tool reading the page in between would get French words marked English.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const choose = (next: UiLanguage) => {
    picked.current = true;
    setLanguage(next);
    // Not remembered if the background does not answer; the popup speaks it all the same.
    sendMessage({ to: 'background', type: 'setUiLanguage', language: next }).catch(() => undefined);
  };

  return (
    <main>
      <header>
        <h1>{strings.title}</h1>
        <LanguageSwitch language={language} strings={strings} onChange={choose} />
      </header>
      <p class="tagline">{strings.tagline}</p>
      <StorageNotices strings={strings} language={language} />
      {error ? (
        <p class="error" role="alert">
          {strings.error} {error}
        </p>
      ) : counts === null ? (
        <p class="status" aria-busy="true">{strings.loading}</p>
      ) : counts.audiences.length === 0 ? (
        <p class="status" data-empty>{strings.empty}</p>
      ) : (
        <AudienceTable counts={counts} strings={strings} language={language} />
      )}
      {summary && summary.audiences.length > 0 && (
        <PopupFigures summary={summary} language={language} onChanged={() => refreshNow.current()} />
      )}
      <PlatformHealth strings={strings} language={language} />
      <footer>
        {strings.onDevice} {strings.model} {modelMeta.version}.{' '}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {strings.settings}
        </button>
      </footer>
    </main>
  );
}
