/** The help page: every figure of the popup explained in plain words, in English and French. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { HelpContent } from '@/components/figures/HelpContent';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { STRINGS, browserLanguage } from '@/components/i18n';
import { sendMessage } from '@/utils/messaging';
import type { UiLanguage } from '@/utils/storage/settings';
import '../popup/style.css';

function Help() {
  const [language, setLanguage] = useState<UiLanguage>(browserLanguage(navigator.languages));
  useEffect(() => {
    void sendMessage({ to: 'background', type: 'getSettings' }).then(({ uiLanguage }) => uiLanguage && setLanguage(uiLanguage), () => undefined);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <main class="help-page">
      <header>
        <LanguageSwitch language={language} strings={STRINGS[language]} onChange={setLanguage} />
      </header>
      <HelpContent language={language} />
    </main>
  );
}

render(<Help />, document.getElementById('app') as HTMLElement);
