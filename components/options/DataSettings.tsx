/**
 * The options page's sections about reading and data: pause, platforms on/off, on-page badges,
 * retention (days), post text in exports, and delete everything (with a confirmation step). Every
 * change goes to the background (`setPreferences`, `deleteAllData`), the one writer.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging';
import { PLATFORM_IDS, PLATFORMS, type PlatformId } from '@/utils/platforms/catalog';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, type Preferences } from '@/utils/storage/preferences';
import type { UiLanguage } from '@/utils/storage/settings';
import { DATA_STRINGS } from './strings';
import './data.css';

export function DataSettings({ language }: { language: UiLanguage }) {
  const s = DATA_STRINGS[language];
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [days, setDays] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void sendMessage({ to: 'background', type: 'getPreferences' }).then((p) => (setPrefs(p), setDays(String(p.retentionDays))));
  }, []);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const change = async (next: Partial<Preferences>) => {
    setError(null);
    try {
      const saved = await sendMessage({ to: 'background', type: 'setPreferences', preferences: next });
      setPrefs(saved);
      setDays(String(saved.retentionDays));
      setStatus(s.saved);
    } catch (reason) {
      setError(String(reason));
    }
  };
  const deleteAll = async () => {
    setConfirming(false);
    try {
      const { deleted } = await sendMessage({ to: 'background', type: 'deleteAllData', confirm: true });
      setStatus(s.deleted.replace('{n}', String(deleted)));
    } catch (reason) {
      setError(String(reason));
    }
  };
  if (!prefs) return null;

  const checkbox = (id: string, label: string, checked: boolean, onChange: (on: boolean) => void, help?: string) => (
    <p class="check">
      <input id={id} type="checkbox" checked={checked} aria-describedby={help ? `${id}-help` : undefined} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <label for={id}>{label}</label>
      {help && (
        <span class="help" id={`${id}-help`}>
          {help}
        </span>
      )}
    </p>
  );

  return (
    <>
      <section class="data-settings" aria-labelledby="reading-title">
        <h2 id="reading-title">{s.readingTitle}</h2>
        {checkbox('pref-paused', s.pause, prefs.paused, (on) => void change({ paused: on }), s.pauseHelp)}
        <fieldset>
          <legend>{s.platforms}</legend>
          {PLATFORM_IDS.map((id: PlatformId) => (
            <span key={id} class="platform-choice">
              {checkbox(`pref-platform-${id}`, PLATFORMS[id].label, prefs.platforms[id], (on) => void change({ platforms: { ...prefs.platforms, [id]: on } }))}
            </span>
          ))}
        </fieldset>
        {checkbox('pref-badges', s.badges, prefs.badges, (on) => void change({ badges: on }), s.badgesHelp)}
      </section>
      <section class="data-settings" aria-labelledby="data-title">
        <h2 id="data-title">{s.dataTitle}</h2>
        <form
          class="retention"
          onSubmit={(e) => {
            e.preventDefault();
            void change({ retentionDays: Number(days) });
          }}
        >
          <label for="pref-retention">{s.retention}</label>{' '}
          <input
            id="pref-retention"
            type="number"
            inputMode="numeric"
            min={MIN_RETENTION_DAYS}
            max={MAX_RETENTION_DAYS}
            required
            value={days}
            aria-describedby="pref-retention-help"
            onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)}
          />{' '}
          <button type="submit">{s.save}</button>
          <span class="help" id="pref-retention-help">
            {s.retentionHelp}
          </span>
        </form>
        {checkbox('pref-text', s.includeText, prefs.includeTextInExports, (on) => void change({ includeTextInExports: on }), s.includeTextHelp)}
        <h3>{s.deleteTitle}</h3>
        <p class="help">{s.deleteHelp}</p>
        {confirming ? (
          <div class="confirm" role="alertdialog" aria-labelledby="delete-confirm">
            <p id="delete-confirm">{s.deleteConfirm}</p>
            <button type="button" class="danger" ref={confirmButton} data-action="confirm-delete" onClick={() => void deleteAll()}>
              {s.deleteYes}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {s.deleteNo}
            </button>
          </div>
        ) : (
          <button type="button" class="danger" data-action="delete-all" onClick={() => setConfirming(true)}>
            {s.deleteAll}
          </button>
        )}
      </section>
      <p aria-live="polite" class="status">
        {status}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
