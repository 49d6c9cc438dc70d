/**
 * The options page: Mastodon servers to read, and the user's audience definitions. Both are stored by
 * the background; this page only sends messages (and asks the browser for host permissions).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { AudienceSettings } from '@/components/AudienceSettings';
import { MastodonServers } from '@/components/MastodonServers';
import { DataSettings } from '@/components/options/DataSettings';
import { STRINGS, browserLanguage } from '@/components/i18n';
import { sendMessage } from '@/utils/messaging';
import type { UiLanguage } from '@/utils/storage/settings';
import '../popup/style.css';
import './style.css';

function Options() {
  const [language, setLanguage] = useState<UiLanguage>(browserLanguage(navigator.languages));
  const strings = STRINGS[language];
  useEffect(() => {
    void sendMessage({ to: 'background', type: 'getSettings' }).then(({ uiLanguage }) => {
      if (uiLanguage) setLanguage(uiLanguage);
    });
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <main class="options">
      <h1>{strings.optionsTitle}</h1>
      <MastodonServers strings={strings} />
      <AudienceSettings strings={strings} />
      <DataSettings language={language} />
    </main>
  );
}

render(<Options />, document.getElementById('app') as HTMLElement);
