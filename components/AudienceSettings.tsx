/**
 * Options page: rename audiences, count one under another (merge), and define audiences as lists of
 * authors. Every change is a message to the background, the only writer; counts apply the definitions
 * when they are read, so nothing recorded changes and every step can be undone.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging';
import type { AudienceRef } from '@/utils/platforms/types';
import {
  formatAuthorLines,
  parseAuthorLines,
  type AudienceChange,
  type AudienceDefinitions,
  type AuthorAudience,
} from '@/utils/storage/audienceDefinitions';
import type { Strings } from './i18n';

interface Props {
  strings: Strings;
  send?: typeof sendMessage;
}

export function AudienceSettings({ strings, send = sendMessage }: Props) {
  const [audiences, setAudiences] = useState<AudienceRef[]>([]);
  const [definitions, setDefinitions] = useState<AudienceDefinitions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (reason: unknown) => setError(String(reason));

  useEffect(() => {
    void send({ to: 'background', type: 'getCounts', asRecorded: true }).then(
      ({ audiences }) => setAudiences(audiences.map((row) => row.audience)),
      fail,
    );
    void send({ to: 'background', type: 'getAudienceDefinitions' }).then(setDefinitions, fail);
  }, [send]);

  const change = (next: AudienceChange) =>
    send({ to: 'background', type: 'updateAudiences', change: next }).then(
      (defs) => (setDefinitions(defs), setError(null)),
      fail,
    );

  if (!definitions) return null;
  return (
    <section aria-labelledby="audiences">
      <h2 id="audiences">{strings.audiencesTitle}</h2>
      <p class="help">{strings.audiencesHelp}</p>
      {audiences.length === 0 ? (
        <p class="status">{strings.empty}</p>
      ) : (
        <table class="audience-settings">
          <thead>
            <tr>
              <th scope="col">{strings.audience}</th>
              <th scope="col">{strings.audienceName}</th>
              <th scope="col">{strings.countUnder}</th>
            </tr>
          </thead>
          <tbody>
            {audiences.map((a) => (
              <tr key={a.key} data-audience={a.key}>
                <th scope="row">{a.label}</th>
                <td>
                  <input
                    type="text"
                    aria-label={`${strings.audienceName}: ${a.label}`}
                    placeholder={a.label}
                    value={definitions.renames[a.key] ?? ''}
                    onChange={(e) => void change({ kind: 'rename', key: a.key, label: e.currentTarget.value || null })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`${strings.countUnder}: ${a.label}`}
                    value={definitions.merges[a.key] ?? ''}
                    onChange={(e) => void change({ kind: 'merge', from: a.key, into: e.currentTarget.value || null })}
                  >
                    <option value="">{strings.itself}</option>
                    {audiences
                      .filter((other) => other.key !== a.key)
                      .map((other) => (
                        <option key={other.key} value={other.key}>
                          {definitions.renames[other.key] ?? other.label}
                        </option>
                      ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{strings.authorLists}</h3>
      {definitions.authorAudiences.map((list) => (
        <AuthorListEditor key={list.key} list={list} strings={strings} onChange={change} onError={setError} />
      ))}
      <AuthorListEditor key={definitions.authorAudiences.length} strings={strings} onChange={change} onError={setError} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

interface EditorProps {
  list?: AuthorAudience;
  strings: Strings;
  onChange(change: AudienceChange): Promise<unknown>;
  onError(message: string): void;
}

function AuthorListEditor({ list, strings, onChange, onError }: EditorProps) {
  const [label, setLabel] = useState(list?.label ?? '');
  const [text, setText] = useState(list ? formatAuthorLines(list.authors) : '');
  const save = (event: Event) => {
    event.preventDefault();
    const { authors, invalid } = parseAuthorLines(text);
    if (invalid.length > 0) return onError(`${strings.listAuthors} — ${invalid.join(', ')}`);
    void onChange({ kind: 'saveAuthorAudience', key: list?.key, label, authors });
  };
  return (
    <form class="author-list" data-list={list?.key ?? 'new'} onSubmit={save}>
      <label>
        {list ? strings.listName : strings.newList}{' '}
        <input type="text" name="label" value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
      </label>
      <label>
        {strings.listAuthors}
        <textarea name="authors" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <button type="submit">{strings.saveList}</button>{' '}
      {list && (
        <button type="button" onClick={() => void onChange({ kind: 'removeAuthorAudience', key: list.key })}>
          {strings.removeList}
        </button>
      )}
    </form>
  );
}
