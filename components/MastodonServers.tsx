/**
 * Options page: the Mastodon servers Properso reads besides mastodon.social. Adding one asks the
 * browser for access to that site; `permissions.request` must run inside the user's click (the submit
 * handler calls it before anything else), then the background registers the content script there.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging';
import { parseServerHost, serverOrigin, type MastodonServer } from '@/utils/mastodon/servers';
import type { Strings } from './i18n';

interface Props {
  strings: Strings;
  /** Asks the browser for a host permission (a stub in tests). */
  requestAccess?(origin: string): Promise<boolean>;
  send?: typeof sendMessage;
}

const askBrowser = (origin: string) => browser.permissions.request({ origins: [origin] });

export function MastodonServers({ strings, requestAccess = askBrowser, send = sendMessage }: Props) {
  const [servers, setServers] = useState<MastodonServer[] | null>(null);
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void send({ to: 'background', type: 'getMastodonServers' }).then(
      ({ servers }) => setServers(servers),
      (reason: unknown) => setError(String(reason)),
    );
  }, [send]);

  const add = (event: Event) => {
    event.preventDefault();
    const host = parseServerHost(input);
    if (!host) return setError(`${strings.invalidServer} ${input}`);
    // First thing in the handler: the browser only shows its prompt during a user gesture.
    requestAccess(serverOrigin(host))
      .then(async (granted) => {
        if (!granted) return setError(strings.notGranted);
        setServers((await send({ to: 'background', type: 'addMastodonServer', host })).servers);
        setInput('');
        setError(null);
      })
      .catch((reason: unknown) => setError(String(reason)));
  };

  const remove = (host: string) =>
    send({ to: 'background', type: 'removeMastodonServer', host }).then(
      ({ servers }) => (setServers(servers), setError(null)),
      (reason: unknown) => setError(String(reason)),
    );

  return (
    <section aria-labelledby="mastodon-servers">
      <h2 id="mastodon-servers">{strings.mastodonServers}</h2>
      <p class="help">{strings.mastodonHelp}</p>
      {servers !== null && servers.length === 0 && <p class="status">{strings.noServers}</p>}
      {servers !== null && servers.length > 0 && (
        <ul class="servers">
          {servers.map((server) => (
            <li key={server.host} data-host={server.host}>
              <span>{server.host}</span> {!server.registered && <span class="status">{strings.notActive}</span>}{' '}
              <button type="button" onClick={() => void remove(server.host)}>
                {strings.removeServer}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add}>
        <label>
          {strings.serverAddress}{' '}
          <input
            type="text"
            name="server"
            placeholder="toot.example"
            autocomplete="off"
            spellcheck={false}
            value={input}
            onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
          />
        </label>{' '}
        <button type="submit">{strings.addServer}</button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
