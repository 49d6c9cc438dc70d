/**
 * The popup's statistics: per-audience cards (components/figures/AudienceFigures.tsx), then three
 * disclosure sections (native <details>: keyboard and screen-reader friendly) to compare two
 * audiences, review and correct labels (with the agreement figures), and export for research.
 */
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging';
import type { SummaryReply } from '@/utils/summary/summary';
import type { UiLanguage } from '@/utils/storage/settings';
import { AgreementTable } from './AgreementTable';
import { AudienceFigures, FigureDescriptions } from './AudienceFigures';
import { CompareAudiences } from './CompareAudiences';
import { ExportPanel } from './ExportPanel';
import { ReviewPanel } from './ReviewPanel';
import { FIGURE_STRINGS } from './strings';
import './figures.css';

interface Props {
  summary: SummaryReply;
  language: UiLanguage;
  /** Fetch the figures again (after a label changed). */
  onChanged(): void;
}

export function PopupFigures({ summary, language, onChanged }: Props) {
  const strings = FIGURE_STRINGS[language];
  const [includeText, setIncludeText] = useState<boolean | null>(null);
  useLayoutEffect(() => {
    // The time the figures are first in the page, before it paints (scripts/bench/popup.ts reads it).
    performance.mark('properso:figures-shown');
    document.documentElement.dataset.figures = 'shown';
  }, []);
  useEffect(() => {
    void sendMessage({ to: 'background', type: 'getPreferences' }).then(
      (p) => setIncludeText(p.includeTextInExports),
      () => setIncludeText(null),
    );
  }, []);
  const openSettings = () => void browser.runtime.openOptionsPage();
  return (
    <section class="figures-section" aria-labelledby="figures-title">
      <div class="section-head">
        <h2 id="figures-title">{strings.suitability}</h2>
        <a href={browser.runtime.getURL('/help.html')} target="_blank" rel="noopener">
          {strings.figuresHelpLink}
        </a>
      </div>
      <FigureDescriptions strings={strings} />
      <AudienceFigures summary={summary} strings={strings} language={language} />
      <details class="panel" data-panel="compare">
        <summary>{strings.compare}</summary>
        <CompareAudiences summary={summary} strings={strings} language={language} />
      </details>
      <details class="panel" data-panel="review">
        <summary>{strings.review}</summary>
        <ReviewPanel summary={summary} strings={strings} language={language} onLabelled={onChanged} />
        <h3>{strings.agreement}</h3>
        <AgreementTable summary={summary} strings={strings} language={language} />
      </details>
      <details class="panel" data-panel="export">
        <summary>{strings.export}</summary>
        <ExportPanel strings={strings} language={language} includeText={includeText} onOpenSettings={openSettings} />
      </details>
    </section>
  );
}
