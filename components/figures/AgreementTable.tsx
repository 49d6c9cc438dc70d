/**
 * The model against the user's labels (accuracy, Cohen's kappa, precision, recall per language), and
 * how close each language is to using the user's own error rates in the corrected share.
 */
import type { SummaryReply } from '@/utils/summary/summary';
import type { UiLanguage } from '@/utils/storage/settings';
import { formatCount } from '../i18n';
import { decimal, fillIn, plural, type FigureStrings } from './strings';

interface Props {
  summary: SummaryReply;
  strings: FigureStrings;
  language: UiLanguage;
}

export function AgreementTable({ summary, strings, language }: Props) {
  const d = (v: number | null) => decimal(v, language);
  return (
    <div class="agreement" data-figure="agreement">
      <p class="help" id="agreement-help">{strings.agreementHelp}</p>
      {summary.agreement.length === 0 ? (
        <p class="muted">{strings.agreementNone}</p>
      ) : (
        <div class="table-scroll">
          <table class="agreement-table" aria-describedby="agreement-help">
            <thead>
              <tr>
                <th scope="col">{strings.language}</th>
                <th scope="col">{strings.labelled}</th>
                <th scope="col">{strings.accuracy}</th>
                <th scope="col">{strings.kappa}</th>
                <th scope="col">{strings.precision}</th>
                <th scope="col">{strings.recall}</th>
              </tr>
            </thead>
            <tbody>
              {summary.agreement.map((row) => (
                <tr key={row.language} data-language={row.language}>
                  <th scope="row">{strings.langs[row.language]}</th>
                  <td data-cell="n">{formatCount(row.n, language)}</td>
                  <td data-cell="accuracy">{d(row.accuracy)}</td>
                  <td data-cell="kappa">{d(row.kappa)}</td>
                  <td data-cell="precision">{d(row.precision)}</td>
                  <td data-cell="recall">{d(row.recall)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ul class="rates-progress">
        {(['fr', 'en'] as const).map((lang) => {
          const n = summary.humanLabels[lang];
          const yours = summary.rates[lang]?.source.includes('human');
          return (
            <li key={lang} data-rates={lang} data-own={yours ? 'true' : 'false'}>
              {yours
                ? fillIn(strings.ratesYours, { lang: strings.langs[lang], n, labels: plural(n, strings.labelWords, language) })
                : fillIn(strings.ratesProgress, { lang: strings.langs[lang], n, labels: plural(n, strings.labelWords, language), min: summary.minHumanLabelsForRates })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
