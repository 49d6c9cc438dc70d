/**
 * One card per audience: posts and authors, the verdict, the professional share with its 95 % interval
 * (drawn and written), the author-weighted share beside it, the share corrected for the model's known
 * errors, and the trend by day. Each figure's plain-words explanation is its `title` (mouse) and its
 * `aria-describedby` (screen readers); the help page has them all, with examples.
 */
import type { SummaryReply } from '@/utils/summary/summary';
import type { UiLanguage } from '@/utils/storage/settings';
import { formatCount } from '../i18n';
import { ShareBar } from './ShareBar';
import { Sparkline } from './Sparkline';
import { fillIn, plural, shareText, type FigureStrings } from './strings';

interface Props {
  summary: SummaryReply;
  strings: FigureStrings;
  language: UiLanguage;
}

/** Explanations referenced by every card (hidden: read through aria-describedby). */
export function FigureDescriptions({ strings }: { strings: FigureStrings }) {
  return (
    <div hidden>
      <span id="desc-share">{strings.shareHelp}</span>
      <span id="desc-author">{strings.authorShareHelp}</span>
      <span id="desc-corrected">{strings.correctedHelp}</span>
      <span id="desc-verdict">{strings.verdictHelp}</span>
      <span id="desc-trend">{strings.trendHelp}</span>
      <span id="desc-counts">{strings.postsAndAuthorsNote}</span>
    </div>
  );
}

export function AudienceFigures({ summary, strings, language }: Props) {
  const n = (value: number) => formatCount(value, language);
  return (
    <ul class="audience-cards">
      {summary.audiences.map((a, i) => {
        const corrected = a.corrected.ok ? a.corrected : null;
        const yours = corrected && Object.values(corrected.sources).some((s) => s?.includes('human'));
        return (
          <li key={a.audience.key} class="audience-card" data-audience={a.audience.key} aria-labelledby={`audience-${i}`}>
            <div class="card-head">
              <h3 id={`audience-${i}`}>{a.audience.label}</h3>
              <span class="verdict" data-verdict={a.verdict} title={strings.verdictHelp} aria-describedby="desc-verdict">
                {strings.verdicts[a.verdict]}
              </span>
            </div>
            <p class="card-counts" title={strings.postsAndAuthorsNote} aria-describedby="desc-counts">
              {fillIn(strings.postsAndAuthors, {
                posts: n(a.n),
                postsWord: plural(a.n, strings.postWords, language),
                authors: n(a.authors),
                authorsWord: plural(a.authors, strings.authorWords, language),
              })}
            </p>
            <ShareBar share={a.share} corrected={corrected} strings={strings} language={language} />
            <dl class="figures">
              <div>
                <dt title={strings.shareHelp}>{strings.share}</dt>
                <dd data-figure="share" aria-describedby="desc-share">
                  {shareText(a.share?.value, a.share?.low, a.share?.high, language, strings.noInterval)}
                </dd>
              </div>
              <div>
                <dt title={strings.authorShareHelp}>{strings.authorShare}</dt>
                <dd data-figure="author" aria-describedby="desc-author">
                  {shareText(a.authorWeighted.value, a.authorWeighted.low, a.authorWeighted.high, language, strings.noInterval)}
                </dd>
              </div>
              <div>
                <dt title={strings.correctedHelp}>{strings.corrected}</dt>
                <dd data-figure="corrected" aria-describedby="desc-corrected" title={a.corrected.ok ? undefined : a.corrected.reason}>
                  {corrected
                    ? shareText(corrected.value, corrected.low, corrected.high, language, strings.noInterval)
                    : a.byLang.other.n > 0
                      ? fillIn(strings.noCorrectionOther, { n: n(a.byLang.other.n) })
                      : !a.corrected.ok && a.corrected.reason.includes('another model')
                        ? strings.noCorrectionModel
                        : strings.noCorrection}
                  {corrected && <span class="source"> ({yours ? strings.correctedSourceYours : strings.correctedSourceCard})</span>}
                </dd>
              </div>
              <div>
                <dt title={strings.trendHelp}>{strings.trend}</dt>
                <dd data-figure="trend" aria-describedby="desc-trend">
                  {a.trend ? <Sparkline days={a.trend} strings={strings} language={language} /> : <span class="muted">{strings.trendListsNone}</span>}
                </dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
