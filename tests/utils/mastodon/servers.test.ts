// Catches Mastodon servers read without the user's grant or still read after it was withdrawn: the
// content script registered for wildcard or catalog origins, registered twice, left registered after
// the permission went, or not re-registered when the background starts again.
import { describe, expect, it } from 'vitest';
import {
  MASTODON_SCRIPT_FILE,
  createMastodonServers,
  grantedServerHosts,
  parseServerHost,
  syncMastodonScripts,
  type PermissionsApi,
  type RegisteredScript,
  type ScriptingApi,
} from '@/utils/mastodon/servers';

/** The browser's permissions and registered scripts, as Chrome and Firefox keep them. */
function fakeApis(origins: string[], registered: RegisteredScript[] = []) {
  const state = { origins: [...origins], registered: [...registered], calls: [] as string[] };
  const permissions: PermissionsApi = {
    getAll: async () => ({ origins: [...state.origins] }),
    contains: async ({ origins: wanted }) => wanted.every((o) => state.origins.includes(o)),
    remove: async ({ origins: gone }) => {
      state.origins = state.origins.filter((o) => !gone.includes(o));
      return true;
    },
  };
  const scripting: ScriptingApi = {
    getRegisteredContentScripts: async () => state.registered.map((s) => ({ ...s })),
    registerContentScripts: async (scripts) => {
      for (const script of scripts) {
        if (state.registered.some((s) => s.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        state.registered.push(script);
        state.calls.push(`register ${script.id}`);
      }
    },
    unregisterContentScripts: async ({ ids }) => {
      state.registered = state.registered.filter((s) => !ids.includes(s.id));
      state.calls.push(`unregister ${ids.join(',')}`);
    },
  };
  return { state, apis: { permissions, scripting } };
}

describe('Mastodon servers', () => {
  it('reads server addresses the way users type them', () => {
    expect(parseServerHost('toot.example')).toBe('toot.example');
    expect(parseServerHost(' https://Piaille.Example/home ')).toBe('piaille.example');
    expect(parseServerHost('@claire@toot.example')).toBe('toot.example');
    for (const bad of ['', 'localhost', 'http://toot.example', 'toot.example:8443', '10.0.0.1', 'a b.example']) {
      expect(parseServerHost(bad)).toBeNull();
    }
  });

  it('treats only exact https origins beyond the catalog as servers', () => {
    expect(
      grantedServerHosts([
        'https://www.linkedin.com/*',
        'https://mastodon.social/*',
        'https://*/*',
        '<all_urls>',
        'https://*.example/*',
        'https://toot.example/*',
        'https://toot.example/*',
        'https://piaille.example/*',
      ]),
    ).toEqual(['piaille.example', 'toot.example']);
  });

  it('registers the content script on each granted server, once, persisted across restarts', async () => {
    const { state, apis } = fakeApis(['https://www.linkedin.com/*', 'https://toot.example/*']);
    expect(await syncMastodonScripts(apis)).toEqual([{ host: 'toot.example', registered: true }]);
    expect(state.registered).toEqual([
      {
        id: 'mastodon:toot.example',
        matches: ['https://toot.example/*'],
        js: [MASTODON_SCRIPT_FILE],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    // The background starts again (worker restart, browser restart): nothing registered twice.
    await syncMastodonScripts(apis);
    expect(state.calls).toEqual(['register mastodon:toot.example']);
  });

  it('re-registers on start what the browser lost, and unregisters when the permission goes', async () => {
    const stale: RegisteredScript = { id: 'mastodon:old.example', matches: ['https://old.example/*'], js: [MASTODON_SCRIPT_FILE] };
    const other: RegisteredScript = { id: 'something-else', matches: ['https://x.com/*'], js: ['x.js'] };
    const { state, apis } = fakeApis(['https://toot.example/*'], [stale, other]);
    await syncMastodonScripts(apis);
    expect(state.registered.map((s) => s.id).sort()).toEqual(['mastodon:toot.example', 'something-else']);
    state.origins = []; // permissions.onRemoved (about:addons, chrome://extensions)
    expect(await syncMastodonScripts(apis)).toEqual([]);
    expect(state.registered.map((s) => s.id)).toEqual(['something-else']);
  });

  it('adds a server only once the page obtained the permission, and removes it with its permission', async () => {
    const { state, apis } = fakeApis([]);
    const servers = createMastodonServers(apis);
    await expect(servers.add('toot.example')).rejects.toThrow(/not granted/);
    expect(state.registered).toEqual([]);
    state.origins.push('https://toot.example/*'); // the user said yes to permissions.request
    expect(await servers.add('https://toot.example/home')).toEqual([{ host: 'toot.example', registered: true }]);
    await expect(servers.add('not a host')).rejects.toThrow(/Not a server/);
    expect(await servers.remove('toot.example')).toEqual([]);
    expect(state.origins).toEqual([]);
    expect(state.registered).toEqual([]);
  });

  it('syncs one change at a time (a permission event and a message together)', async () => {
    const { state, apis } = fakeApis(['https://toot.example/*']);
    const servers = createMastodonServers(apis);
    await Promise.all([servers.sync(), servers.sync(), servers.list()]);
    expect(state.calls).toEqual(['register mastodon:toot.example']);
  });
});
