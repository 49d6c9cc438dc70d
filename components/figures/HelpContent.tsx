/**
 * The help page's text: what each figure of the popup means and when not to trust it, in plain
 * words (docs/STATISTICS.md has the exact methods). Sections have ids so the popup can link to them.
 */
import type { UiLanguage } from '@/utils/storage/settings';
import { FIGURE_STRINGS } from './strings';
import './figures.css';

const EXTRA = {
  en: {
    title: 'What the figures mean',
    intro:
      'Properso labels each post you see professional or personal, on your device, then sums the labels up per audience. Here is what each figure in the popup says.',
    example: 'Example: 25 professional posts out of 40 give “63% [47–76]”: 63% of the posts, and the true share is believably anywhere between 47% and 76%. On 400 posts the interval narrows to about ±5 points.',
    chartTitle: 'The bar',
    chart:
      'The grey track goes from 0% (left) to 100% (right); the shaded middle is the 40–60% “mixed” zone. The coloured band is the interval, the dark tick the share, the thin band under it the corrected interval.',
    caveatsTitle: 'When not to trust the figures',
    caveats: [
      'Your feed is not the audience: the platform chose what to show you. The figures describe what you saw.',
      'Few posts: under 30 there is no verdict; under 100 the intervals are wide: read them.',
      'A few loud accounts: compare the post share with the by-author share.',
      'Other languages: the model was trained and tested on French and English only; posts in other languages are not corrected.',
      'The model’s error rates come from a test set of curated posts; real feeds are messier. Your own labels (20 per language) replace them.',
      'Many comparisons: with 20 audiences or 30 days, one interval in twenty misses by chance alone.',
    ],
  },
  fr: {
    title: 'Ce que veulent dire les chiffres',
    intro:
      'Properso classe chaque post que vous voyez pro ou perso, sur votre appareil, puis fait les comptes par audience. Voici ce que dit chaque chiffre de la fenêtre.',
    example: 'Exemple : 25 posts pro sur 40 donnent « 63 % [47–76] » : 63 % des posts, et la vraie part se situe de façon crédible entre 47 % et 76 %. Sur 400 posts, l’intervalle se resserre à environ ±5 points.',
    chartTitle: 'La barre',
    chart:
      'La piste grise va de 0 % (à gauche) à 100 % (à droite) ; le milieu grisé est la zone « mitigée » de 40 à 60 %. La bande colorée est l’intervalle, le trait foncé la part, la fine bande dessous l’intervalle corrigé.',
    caveatsTitle: 'Quand se méfier des chiffres',
    caveats: [
      'Votre fil n’est pas l’audience : la plateforme a choisi ce qu’elle vous montre. Les chiffres décrivent ce que vous avez vu.',
      'Peu de posts : sous 30, pas de verdict ; sous 100, les intervalles sont larges : lisez-les.',
      'Quelques comptes bavards : comparez la part des posts à la part par auteur.',
      'Autres langues : le modèle a été entraîné et testé en français et en anglais seulement ; les posts d’autres langues ne sont pas corrigés.',
      'Les taux d’erreur du modèle viennent d’un jeu de test de posts choisis ; les vrais fils sont plus désordonnés. Vos propres étiquettes (20 par langue) les remplacent.',
      'Comparaisons nombreuses : avec 20 audiences ou 30 jours, un intervalle sur vingt se trompe par simple hasard.',
    ],
  },
} as const;

export function HelpContent({ language }: { language: UiLanguage }) {
  const s = FIGURE_STRINGS[language];
  const x = EXTRA[language];
  const sections: Array<[string, string, string]> = [
    ['share', s.share, s.shareHelp],
    ['author', s.authorShare, s.authorShareHelp],
    ['corrected', s.corrected, s.correctedHelp],
    ['verdict', s.verdict, s.verdictHelp],
    ['trend', s.trend, s.trendHelp],
    ['compare', s.compare, s.compareHelp],
    ['review', s.review, s.reviewHelp],
    ['agreement', s.agreement, s.agreementHelp],
    ['export', s.export, s.exportHelp],
  ];
  return (
    <article class="help-content">
      <h1>{x.title}</h1>
      <p>{x.intro}</p>
      {sections.map(([id, title, body]) => (
        <section key={id} id={id} aria-labelledby={`help-${id}`}>
          <h2 id={`help-${id}`}>{title}</h2>
          <p>{body}</p>
          {id === 'share' && <p>{x.example}</p>}
          {id === 'verdict' && (
            <ul>
              {(['well_suited', 'mixed', 'poorly_suited', 'not_enough'] as const).map((v) => (
                <li key={v}>
                  <span class="verdict" data-verdict={v}>{s.verdicts[v]}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <section id="chart" aria-labelledby="help-chart">
        <h2 id="help-chart">{x.chartTitle}</h2>
        <p>{x.chart}</p>
      </section>
      <section id="caveats" aria-labelledby="help-caveats">
        <h2 id="help-caveats">{x.caveatsTitle}</h2>
        <ul>
          {x.caveats.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
