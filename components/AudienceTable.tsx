/** One row per audience: posts seen, then how many the model judged professional, personal, uncertain. */
import type { CountsReply } from '@/utils/messaging/protocol';
import type { UiLanguage } from '@/utils/storage/settings';
import { formatCount, type Strings } from './i18n';

interface Props {
  counts: CountsReply;
  strings: Strings;
  language: UiLanguage;
}

export function AudienceTable({ counts, strings, language }: Props) {
  const n = (value: number) => formatCount(value, language);
  return (
    <table class="audiences">
      <thead>
        <tr>
          <th scope="col">{strings.audience}</th>
          <th scope="col">{strings.posts}</th>
          <th scope="col">{strings.professional}</th>
          <th scope="col">{strings.personal}</th>
          <th scope="col">{strings.uncertain}</th>
        </tr>
      </thead>
      <tbody>
        {counts.audiences.map((row) => (
          <tr key={row.audience.key} data-audience={row.audience.key}>
            <th scope="row">{row.audience.label}</th>
            <td data-count="posts">{n(row.posts)}</td>
            <td data-count="professional">{n(row.professional)}</td>
            <td data-count="personal">{n(row.personal)}</td>
            <td data-count="uncertain">{n(row.uncertain)}</td>
          </tr>
        ))}
      </tbody>
      {counts.audiences.length > 1 && (
        <tfoot>
          <tr data-audience="*">
            <th scope="row">{strings.total}</th>
            <td>{n(counts.totals.posts)}</td>
            <td>{n(counts.totals.professional)}</td>
            <td>{n(counts.totals.personal)}</td>
            <td>{n(counts.totals.uncertain)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
