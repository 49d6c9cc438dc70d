/**
 * Stops Firefox's MV3 background page (an event page) the way Firefox does: `terminateBackground` on
 * the extension (ext-backgroundPage.js), the call its idle timer makes and the one behind
 * about:debugging's "Terminate background script". The background page is also the inference host in Firefox, so the batch it holds dies
 * with it. Reaching the extension's parent-process object needs privileged script: Firefox must be
 * started with FIREFOX_SYSTEM_ACCESS_ARGS, and the WebDriver BiDi session then evaluates in the
 * browser window's (chrome) realm.
 */
import type { Browser } from 'puppeteer-core';
import { FIREFOX_ADDON_ID } from '../../../scripts/browser/launchFirefox';

/** Lets WebDriver BiDi see chrome (privileged) browsing contexts. */
export const FIREFOX_SYSTEM_ACCESS_ARGS = ['--remote-allow-system-access'] as const;

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** Runs `expression` (awaited) in the main browser window's privileged realm; returns its JSON value. */
async function evaluateInParentProcess<T>(browser: Browser, expression: string): Promise<T> {
  // puppeteer's BiDi browser keeps its connection internal; raw commands are the only way to chrome scope.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string; url: string }[];
  };
  const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('No Firefox browser window in chrome scope: was Firefox started with --remote-allow-system-access?');
  const { result } = (await connection.send('script.evaluate', {
    expression: `(async () => JSON.stringify(await (${expression})))()`,
    target: { context: window.context },
    awaitPromise: true,
  })) as { result: { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } } };
  if (result.type !== 'success') throw new Error(`Privileged evaluation failed: ${result.exceptionDetails?.text ?? 'unknown error'}`);
  return JSON.parse(result.result?.value ?? 'null') as T;
}

const EXTENSION = `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent.GlobalManager.getExtension(${JSON.stringify(FIREFOX_ADDON_ID)})`;

/** 'running', 'stopped', 'starting' or 'suspending' (Firefox's BACKGROUND_STATE). */
export function backgroundState(browser: Browser): Promise<string> {
  return evaluateInParentProcess<string>(browser, `${EXTENSION}.backgroundState`);
}

/**
 * Terminates the background page whatever it is doing. `terminateBackground` spares a page with
 * listener promises pending once (it forgets them and returns, as at the first idle expiry) and
 * terminates it on the next call, as at the next expiry. Resolves with the state afterwards ('stopped').
 */
export function terminateBackground(browser: Browser): Promise<string> {
  return evaluateInParentProcess<string>(
    browser,
    `(async () => {
      const ext = ${EXTENSION};
      for (let call = 0; call < 3 && ext.backgroundState === 'running'; call++) {
        await ext.terminateBackground({ ignoreDevToolsAttached: true });
      }
      return ext.backgroundState;
    })()`,
  );
}
