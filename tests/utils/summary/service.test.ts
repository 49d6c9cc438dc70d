// Catches the popup's research features going wrong end to end in the background: a label that is
// not written or does not change the agreement and (from 20 labels) the error rates, a review list
// that mixes audiences, an export that does not validate or leaks the text or the key, settings
// that accept nonsense, retention that deletes the wrong posts, a delete-everything without confirm.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase } from '@/utils/storage/db';
import { addNewPosts } from '@/utils/storage/posts';
import { allPosts } from '@/utils/storage/review';
import { pseudonymKeySetting, preferencesSetting } from '@/utils/storage/preferences';
import { createResearchService, RETENTION_ALARM, type AlarmsApi } from '@/utils/summary/service';
import { syntheticRecords } from '@/utils/summary/synthetic';
import { unzipDataPackage } from '@/utils/export/zip';
import { validateDataPackage } from '@/utils/export/validateDataPackage';
import { parseCsv } from '@/utils/export/parseCsv';
import type { Sender } from '@/utils/messaging';
import modelMeta from '@/models/properso.json';

globalThis.IDBKeyRange ??= IDBKeyRange;
const MODEL = `${modelMeta.id}@${modelMeta.version}`;
const ORIGIN = 'chrome-extension://abc/';
const page: Sender = { url: `${ORIGIN}popup.html` };
const tab: Sender = { url: 'https://www.linkedin.com/feed/', tab: { id: 3 } };
const NOW = Date.UTC(2026, 10, 1, 12);

let db: IDBDatabase;
let service: ReturnType<typeof createResearchService>;
beforeEach(async () => {
  db = await openDatabase(new IDBFactory());
  service = createResearchService({
    database: async () => db,
    modelMeta,
    definitions: async () => undefined,
    extensionOrigin: ORIGIN,
    version: '0.1.0',
    now: () => NOW,
  });
});
afterEach(() => fakeBrowser.reset());

function decode(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

describe('research service', () => {
  it('writes human labels; agreement follows, and 20 labels in a language switch to the user’s error rates', async () => {
    const records = syntheticRecords(400, { model: MODEL, end: NOW });
    await addNewPosts(db, records);
    const h = service.handlers;
    const before = await h.getSummary({ to: 'background', type: 'getSummary' }, page);
    expect(before.agreement).toEqual([]);
    expect(before.rates.fr?.source).toMatch(/model card/);

    const frenchOf = (label: string) => records.filter((r) => r.lang === 'fr' && r.text && !r.sponsored && r.label === label).slice(0, 10);
    const french = [...frenchOf('professional'), ...frenchOf('personal')];
    // The user disagrees with the model on 4 of 20, agrees on the rest.
    for (const [i, r] of french.entries()) {
      const human = i < 4 ? (r.label === 'professional' ? 'personal' : 'professional') : r.label;
      expect(await h.setHumanLabel({ to: 'background', type: 'setHumanLabel', platform: r.platform, id: r.id, label: human }, page)).toEqual({ ok: true });
    }
    const after = await h.getSummary({ to: 'background', type: 'getSummary' }, page);
    const all = after.agreement.find((row) => row.language === 'all')!;
    expect(all.n).toBe(20);
    expect(all.accuracy).toBeCloseTo(16 / 20, 10);
    expect(after.humanLabels.fr).toBe(20);
    expect(after.rates.fr?.source).toBe('20 human labels');
    // Human professional: 6 of the model's 10 (4 flipped to personal); the model found all 6.
    expect(after.rates.fr).toMatchObject({ sensitivity: 1, nSensitivity: 6, nSpecificity: 14 });
    expect(after.rates.fr?.specificity).toBeCloseTo(10 / 14, 10);
    expect(after.rates.en?.source).toMatch(/model card/);

    // Clearing a label takes it out of the sample.
    await h.setHumanLabel({ to: 'background', type: 'setHumanLabel', platform: french[0]!.platform, id: french[0]!.id, label: null }, page);
    const cleared = await h.getSummary({ to: 'background', type: 'getSummary' }, page);
    expect(cleared.humanLabels.fr).toBe(19);
    expect(cleared.rates.fr?.source).toMatch(/model card/);
    await expect(h.setHumanLabel({ to: 'background', type: 'setHumanLabel', platform: 'linkedin', id: 'x', label: 'professional' }, tab)).rejects.toThrow(/extension/);
  });

  it('lists an audience’s latest posts with cues, newest first, text-less and sponsored ones left out', async () => {
    const records = syntheticRecords(300, { model: MODEL, end: NOW });
    await addNewPosts(db, records);
    const posts = await service.handlers.getReviewPosts({ to: 'background', type: 'getReviewPosts', audienceKey: 'linkedin:feed', limit: 10 }, page);
    const expected = records.filter((r) => r.audience.key === 'linkedin:feed' && r.text && !r.sponsored).sort((a, b) => b.seenAt - a.seenAt).slice(0, 10);
    expect(posts.map((p) => p.id)).toEqual(expected.map((r) => r.id));
    expect(posts[0]!.cues?.professional[0]?.feature).toBe('recrutons');
  });

  it('exports a data package that validates, without text or key unless asked, and NDJSON', async () => {
    const records = syntheticRecords(200, { model: MODEL, end: NOW });
    await addNewPosts(db, records);
    const reply = await service.handlers.exportData({ to: 'background', type: 'exportData', format: 'datapackage' }, page);
    expect(reply.fileName).toMatch(/^properso-data-package-2026-11-01\.zip$/);
    const files = unzipDataPackage(decode(reply.base64));
    expect(validateDataPackage(files)).toEqual([]);
    const key = await pseudonymKeySetting.getValue();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    for (const text of Object.values(files)) {
      expect(text).not.toContain(key);
      expect(text).not.toContain('nous recrutons');
    }
    const descriptor = JSON.parse(files['datapackage.json']!);
    expect(descriptor.properso.model).toEqual({ id: modelMeta.id, sha256: modelMeta.sha256, version: modelMeta.version });
    expect(descriptor.properso.codebookVersion).toBe(modelMeta.codebookVersion);
    expect(descriptor.properso.privacy.textIncluded).toBe(false);
    expect(descriptor.properso.extensionSettings.retentionDays).toBe(90);
    const tallies = parseCsv(files['tallies.csv']!);
    expect(tallies.rows.length).toBeGreaterThan(1); // the header, then rows

    // The same key next time (exports can be linked); the text only on opt-in.
    await service.handlers.setPreferences({ to: 'background', type: 'setPreferences', preferences: { includeTextInExports: true } }, page);
    const withText = unzipDataPackage(decode((await service.handlers.exportData({ to: 'background', type: 'exportData', format: 'datapackage' }, page)).base64));
    expect(validateDataPackage(withText)).toEqual([]);
    expect(withText['posts.csv']).toContain('nous recrutons');
    expect(await pseudonymKeySetting.getValue()).toBe(key);
    const postIds = (files: Record<string, string>) => parseCsv(files['posts.csv']!).rows.map((r) => r[2]);
    expect(postIds(withText)).toEqual(postIds(files));

    const nd = await service.handlers.exportData({ to: 'background', type: 'exportData', format: 'ndjson' }, page);
    const lines = new TextDecoder().decode(decode(nd.base64)).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(nd.posts);
    expect(lines[0]).toMatchObject({ platform: expect.any(String), post_id: expect.stringMatching(/^[0-9a-f]{16}$/), model_label: expect.any(String) });
    expect(lines[0].cues).toBeDefined();
    await expect(service.handlers.exportData({ to: 'background', type: 'exportData', format: 'ndjson' }, tab)).rejects.toThrow();
  });

  it('keeps settings valid, applies a shorter retention at once, and schedules the daily rule once', async () => {
    const records = syntheticRecords(200, { model: MODEL, end: NOW, days: 60 });
    await addNewPosts(db, records);
    const prefs = await service.handlers.setPreferences({ to: 'background', type: 'setPreferences', preferences: { retentionDays: 30, paused: true, platforms: { x: false } as never } }, page);
    expect(prefs).toMatchObject({ retentionDays: 30, paused: true, badges: false });
    expect(prefs.platforms).toMatchObject({ x: false, linkedin: true });
    const left = await allPosts(db);
    expect(left.length).toBe(records.filter((r) => r.seenAt >= NOW - 30 * 86_400_000).length);
    expect((await service.handlers.setPreferences({ to: 'background', type: 'setPreferences', preferences: { retentionDays: -4 } }, page)).retentionDays).toBe(1);

    const created: string[] = [];
    let listener: ((alarm: { name: string }) => void) | undefined;
    const alarms: AlarmsApi = {
      get: async (name) => (created.includes(name) ? { name } : undefined),
      create: (name) => void created.push(name),
      onAlarm: { addListener: (l) => void (listener = l) },
    };
    await service.scheduleRetention(alarms);
    await service.scheduleRetention(alarms);
    expect(created).toEqual([RETENTION_ALARM]);
    expect(listener).toBeDefined();
    expect((await allPosts(db)).every((r) => r.seenAt >= NOW - 86_400_000)).toBe(true);

    // Paused: nothing the content script sends is recorded.
    expect(await service.readable([{ post: records[0]!, audience: records[0]!.audience, seenAt: NOW }])).toEqual([]);
    await preferencesSetting.setValue({ ...prefs, paused: false });
    const xPost = records.find((r) => r.platform === 'x')!;
    expect(await service.readable([{ post: xPost, audience: xPost.audience, seenAt: NOW }])).toEqual([]);
  });

  it('answers from the running totals without counting the store, and repairs them just after', async () => {
    await addNewPosts(db, syntheticRecords(40, { model: MODEL, end: NOW }));
    // Posts written another way than addNewPosts: the totals do not know them.
    const extra = syntheticRecords(30, { model: MODEL, end: NOW, seed: 9 }).map((r, i) => ({ ...r, id: `extra${i}`, sponsored: false }));
    const tx = db.transaction('posts', 'readwrite');
    for (const r of extra) tx.objectStore('posts').put(r);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    const stale = await service.summary();
    await vi.waitFor(async () => expect((await service.summary()).totals.posts).toBe(stale.totals.posts + 30));
  });

  it('deletes everything only with confirm, and the key with it', async () => {
    await addNewPosts(db, syntheticRecords(50, { model: MODEL, end: NOW }));
    await service.handlers.exportData({ to: 'background', type: 'exportData', format: 'ndjson' }, page);
    await expect(service.handlers.deleteAllData({ to: 'background', type: 'deleteAllData', confirm: false as never }, page)).rejects.toThrow(/confirm/);
    expect(await service.handlers.deleteAllData({ to: 'background', type: 'deleteAllData', confirm: true }, page)).toEqual({ deleted: 50 });
    expect(await allPosts(db)).toEqual([]);
    expect(await pseudonymKeySetting.getValue()).toBeNull();
    const summary = await service.handlers.getSummary({ to: 'background', type: 'getSummary' }, page);
    expect(summary.audiences).toEqual([]);
  });

  it('sends an export larger than one message in parts that join into the same file, to extension pages only', async () => {
    await addNewPosts(db, syntheticRecords(300, { model: MODEL, end: NOW }));
    const whole = await service.handlers.exportData({ to: 'background', type: 'exportData', format: 'ndjson' }, page);
    expect(whole).toMatchObject({ parts: 1, exportId: null });
    const small = createResearchService({ database: async () => db, modelMeta, definitions: async () => undefined, extensionOrigin: ORIGIN, version: '0.1.0', now: () => NOW, exportPartBytes: 10_000 });
    const first = await small.handlers.exportData({ to: 'background', type: 'exportData', format: 'ndjson' }, page);
    expect(first.parts).toBe(Math.ceil(decode(whole.base64).length / 10_000));
    expect(first.parts).toBeGreaterThan(2);
    const exportId = first.exportId!;
    const ask = (index: number, sender = page) => small.handlers.exportPart({ to: 'background', type: 'exportPart', exportId, index }, sender);
    await expect(ask(1, tab)).rejects.toThrow(/extension/);
    await expect(ask(first.parts)).rejects.toThrow(/No part/);
    const parts = [decode(first.base64)];
    for (let index = 1; index < first.parts; index++) parts.push(decode((await ask(index)).base64));
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((offset, p) => (joined.set(p, offset), offset + p.length), 0);
    expect(joined).toEqual(decode(whole.base64));
    // Taken whole: the parts are let go.
    await expect(ask(1)).rejects.toThrow(/no longer available/);
  });
});
