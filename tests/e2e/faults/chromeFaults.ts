/**
 * What breaks the extension in Chromium, through the DevTools protocol as the browser itself would:
 * the extension's service worker stopped (Chrome stops it after 30 s idle, or 5 min on one event, in
 * the middle of whatever it was doing) and the offscreen document closed (Chrome may close it, and a
 * crash of its renderer does). Each helper checks that the thing really went away.
 */
import type { CDPSession, Worker } from 'playwright-core';
import type { ChromiumSession } from '../../../scripts/browser/launchChromium';
import { eventually } from './scenario';

/** utils/inference/client.ts's OFFSCREEN_PATH (that module needs the extension runtime to load). */
const OFFSCREEN_PATH = '/offscreen.html';

/** Set on the worker's global before it is stopped: a worker that has it is the old one. */
const MARK = '__propersoFaultMark';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** A DevTools session on one of the extension's pages (the ServiceWorker domain reaches the extension's workers from there). */
async function cdp(session: ChromiumSession): Promise<CDPSession> {
  const page = session.context.pages().find((p) => p.url().startsWith(session.extensionOrigin));
  if (!page) throw new Error('Open an extension page (the popup) first');
  return session.context.newCDPSession(page);
}

async function targets(client: CDPSession): Promise<TargetInfo[]> {
  const { targetInfos } = (await client.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  return targetInfos;
}

function extensionWorker(session: ChromiumSession): Worker | undefined {
  return session.context.serviceWorkers().find((worker) => worker.url().startsWith(session.extensionOrigin));
}

/**
 * Stops the extension's service worker (`ServiceWorker.stopAllWorkers`, what chrome://serviceworker-
 * internals' "Stop" does) and waits until DevTools reports it stopped. Messages in flight to it fail in
 * their senders; the next message starts a new worker (in these tests within a second: the popup asks
 * every 1.5 s and the tabs resend).
 */
export async function stopServiceWorker(session: ChromiumSession): Promise<void> {
  const worker = extensionWorker(session);
  if (!worker) throw new Error('No service worker of the extension to stop');
  await worker.evaluate((mark) => {
    (globalThis as Record<string, unknown>)[mark] = true;
  }, MARK);
  const client = await cdp(session);
  const stopped = new Promise<void>((resolve) => {
    client.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith(session.extensionOrigin) && v.runningStatus === 'stopped')) resolve();
    });
  });
  await client.send('ServiceWorker.enable');
  await client.send('ServiceWorker.stopAllWorkers');
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    stopped,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('The service worker did not stop')), 10_000))),
  ]).finally(() => clearTimeout(timer));
  await client.detach();
}

/** Waits for a service worker of the extension started after the stop: a new global, without the mark. */
export async function expectFreshServiceWorker(session: ChromiumSession): Promise<void> {
  await eventually(
    'a new service worker',
    async () => {
      const worker = extensionWorker(session);
      return worker ? worker.evaluate((mark) => (globalThis as Record<string, unknown>)[mark] === undefined, MARK) : false;
    },
    (fresh) => fresh,
    15_000,
  );
}

/** The offscreen document's DevTools target ids (none or one). */
export async function offscreenTargets(session: ChromiumSession): Promise<string[]> {
  const client = await cdp(session);
  const url = `${session.extensionOrigin}${OFFSCREEN_PATH}`;
  const ids = (await targets(client)).filter((t) => t.url === url).map((t) => t.targetId);
  await client.detach();
  return ids;
}

/** Closes the offscreen document (`Target.closeTarget`) and waits until that document is gone; returns its id. */
export async function closeOffscreenDocument(session: ChromiumSession): Promise<string> {
  const [id, ...others] = await offscreenTargets(session);
  if (!id || others.length > 0) throw new Error(`Expected one offscreen document, found ${others.length + (id ? 1 : 0)}`);
  const client = await cdp(session);
  await client.send('Target.closeTarget', { targetId: id });
  await client.detach();
  await eventually('the offscreen document to close', () => offscreenTargets(session), (ids) => !ids.includes(id), 10_000);
  return id;
}
