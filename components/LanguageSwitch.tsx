/** FR / EN toggle; the choice is stored by the background. */
import { UI_LANGUAGES, type UiLanguage } from '@/utils/storage/settings';
import type { Strings } from './i18n';

interface Props {
  language: UiLanguage;
  strings: Strings;
  onChange(language: UiLanguage): void;
}

export function LanguageSwitch({ language, strings, onChange }: Props) {
  return (
    <div class="language-switch" role="group" aria-label={strings.language}>
      {UI_LANGUAGES.map((code) => (
        <button
          type="button"
          key={code}
          lang={code}
          aria-pressed={code === language}
          onClick={() => onChange(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
