/**
 * Mastodon servers live on any domain (FEEDS.md), so the manifest cannot list them. The user grants a
 * server from the options page (`permissions.request` needs a user gesture there); the background then
 * registers the Mastodon content script on it with `scripting.registerContentScripts` (Chrome and
 * Firefox MV3), persisted across restarts and re-synced whenever the background starts or a permission
 * is added or removed. The granted permissions are the one source of truth: every exact
 * `https://host/*` origin granted beyond the catalog's own sites is a Mastodon server. Wildcard grants
 * (Firefox lets users switch on "all websites" in about:addons) are never treated as servers.
 */
import { PLATFORM_MATCHES } from '../platforms/matches';

/** The runtime-registered content script (entrypoints/mastodon.content.ts). */
export const MASTODON_SCRIPT_FILE = 'content-scripts/mastodon.js';
const SCRIPT_ID_PREFIX = 'mastodon:';

/** The slice of `browser.permissions` we use (a stub in tests). */
export interface PermissionsApi {
  getAll(): Promise<{ origins?: string[] }>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

/** The slice of `browser.scripting` we use (a stub in tests). */
export interface ScriptingApi {
  getRegisteredContentScripts(): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
}

export interface MastodonServer {
  host: string;
  /** The content script is registered there now. */
  registered: boolean;
}

/**
 * A server host from what a user types: "toot.example", "https://Toot.Example/home", "@me@toot.example".
 * null when it is not a plausible public host name (no dot, a port, an IP literal, a path-only string).
 */
export function parseServerHost(input: string): string | null {
  let text = input.trim();
  const handle = /^@?[^@\s/]+@([^@\s/]+)$/.exec(text);
  if (handle) text = handle[1]!;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return null;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(host)) return null;
  if (/^\d+(?:\.\d+){3}$/.test(host)) return null;
  return host;
}

/** The optional host permission for one server. */
export function serverOrigin(host: string): string {
  return `https://${host}/*`;
}

/** "https://toot.example/*" → "toot.example"; null for wildcards, other schemes or paths. */
export function hostOfOrigin(origin: string): string | null {
  const match = /^https:\/\/([^/*]+)\/\*$/.exec(origin);
  return match ? match[1]!.toLowerCase() : null;
}

const BUILT_IN_HOSTS = new Set(PLATFORM_MATCHES.map(hostOfOrigin).filter((h): h is string => h !== null));

/** Granted servers: exact https origins that are not one of the catalog's sites; sorted, unique. */
export function grantedServerHosts(origins: readonly string[]): string[] {
  const hosts = new Set<string>();
  for (const origin of origins) {
    const host = hostOfOrigin(origin);
    if (host && !BUILT_IN_HOSTS.has(host)) hosts.add(host);
  }
  return [...hosts].sort();
}

function scriptFor(host: string): RegisteredScript {
  return {
    id: `${SCRIPT_ID_PREFIX}${host}`,
    matches: [serverOrigin(host)],
    js: [MASTODON_SCRIPT_FILE],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
}

/**
 * Makes the registered Mastodon scripts match the granted servers: registers the missing ones,
 * unregisters those whose permission is gone (or whose registration is stale). Idempotent, so the
 * background runs it on every start. Returns the servers, registered or not.
 */
export async function syncMastodonScripts(apis: { permissions: PermissionsApi; scripting: ScriptingApi }): Promise<MastodonServer[]> {
  const hosts = grantedServerHosts((await apis.permissions.getAll()).origins ?? []);
  const wanted = new Map(hosts.map((host) => [scriptFor(host).id, scriptFor(host)]));
  const current = (await apis.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(SCRIPT_ID_PREFIX));
  const stale = current.filter((script) => {
    const want = wanted.get(script.id);
    // Browsers may echo paths with a leading '/': compare without it.
    const files = (js?: string[]) => js?.map((file) => file.replace(/^\//, '')).join();
    return !want || files(script.js) !== files(want.js) || script.matches?.join() !== want.matches?.join();
  });
  if (stale.length > 0) await apis.scripting.unregisterContentScripts({ ids: stale.map((s) => s.id) });
  const kept = new Set(current.filter((s) => !stale.includes(s)).map((s) => s.id));
  const missing = [...wanted.values()].filter((script) => !kept.has(script.id));
  const registered = new Set(kept);
  // One by one: a server that fails (a host the browser refuses) must not keep the others out.
  for (const script of missing) {
    try {
      await apis.scripting.registerContentScripts([script]);
      registered.add(script.id);
    } catch (error) {
      console.warn(`[properso] could not register the Mastodon content script for ${script.matches?.[0]}`, error);
    }
  }
  return hosts.map((host) => ({ host, registered: registered.has(scriptFor(host).id) }));
}

/**
 * The background's Mastodon server list: every change goes through one queue so that a permission
 * event and a message arriving together do not register the same script twice.
 */
export function createMastodonServers(apis: { permissions: PermissionsApi; scripting: ScriptingApi }) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const done = queue.then(task);
    queue = done.catch(() => undefined);
    return done;
  };
  const sync = () => serial(() => syncMastodonScripts(apis));
  return {
    sync,
    list: sync,
    /** After the options page obtained the permission: registers the script there. */
    async add(input: string): Promise<MastodonServer[]> {
      const host = parseServerHost(input);
      if (!host) throw new Error(`Not a server address: ${input}`);
      if (!(await apis.permissions.contains({ origins: [serverOrigin(host)] }))) {
        throw new Error(`Access to ${host} was not granted`);
      }
      return sync();
    },
    /** Gives the permission back and unregisters the script. */
    async remove(input: string): Promise<MastodonServer[]> {
      const host = parseServerHost(input);
      if (!host) throw new Error(`Not a server address: ${input}`);
      await apis.permissions.remove({ origins: [serverOrigin(host)] });
      return sync();
    },
  };
}
