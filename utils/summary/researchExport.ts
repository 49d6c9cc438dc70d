/**
 * The extension's research export: the stored posts as the one Frictionless data package of
 * utils/export/ (datapackage.json, posts.csv, tallies.csv, agreement.csv; docs/EXPORT.md), zipped,
 * or as NDJSON (one post per line, the posts.csv fields). Built by the background, which holds the
 * posts and the pseudonymisation key; the key itself is never written into an export. The text of
 * posts (and the cues, which are words of it) only when the user opted in.
 */
import { computeTallies } from '../../scripts/summarise/tallies';
import type { SummaryPost } from '../../scripts/summarise/readClassified';
import { buildDataPackage, DEFAULT_SAMPLING_NOTE, type DataPackageFiles, type ExportPost } from '../export/dataPackage';
import { toNdjson } from '../export/ndjson';
import { pseudonymiser } from '../export/pseudonymise';
import type { Lang, ModelMeta } from '../model/types';
import { PLATFORM_IDS } from '../platforms/catalog';
import { agreementByLanguage, errorRatesFor, type Correction } from '../statistics/agreement';
import type { ErrorRates } from '../statistics/types';
import { emptyAudienceDefinitions, normaliseHandle, resolveMerge, type AudienceDefinitions } from '../storage/audienceDefinitions';
import { authorKey, isLabelled } from '../storage/aggregates';
import type { PostRecord } from '../storage/posts';
import type { Preferences } from '../storage/preferences';
import { LANGS } from './summary';

export interface ExtensionExportInput {
  posts: readonly PostRecord[];
  definitions?: AudienceDefinitions;
  modelMeta: Pick<ModelMeta, 'id' | 'version' | 'sha256' | 'codebookVersion' | 'errorRates' | 'metrics'>;
  /** The stored pseudonymisation key. */
  key: string;
  preferences: Preferences;
  timeZone: string;
  now: Date;
  /** The extension's version (generator). */
  version: string;
}

function exportPost(record: PostRecord, audience: string, includeText: boolean): ExportPost {
  return {
    platform: record.platform,
    audience,
    post_id: record.id,
    author_id: record.author?.handle ? normaliseHandle(record.author.handle) : record.author?.name?.trim() || null,
    seen_at: record.seenAt,
    posted_at: record.postedAt ?? null,
    feed_position: null,
    sponsored: record.sponsored,
    repost: record.repost ? true : false,
    lang: record.lang,
    p_professional: record.pProfessional,
    model_label: record.label,
    human_label: record.humanLabel ?? null,
    text: includeText ? record.text : null,
  };
}

function humanLabelsOf(posts: readonly PostRecord[]): Correction[] {
  return posts.filter((p) => p.humanLabel && isLabelled(p)).map((p) => ({ lang: p.lang, model: p.label, human: p.humanLabel! }));
}

/** The files of the data package (zip them with zipDataPackage). */
export async function buildExtensionDataPackage(input: ExtensionExportInput): Promise<DataPackageFiles> {
  const definitions = input.definitions ?? emptyAudienceDefinitions();
  const { preferences, modelMeta } = input;
  const model = `${modelMeta.id}@${modelMeta.version}`;
  const labelled = input.posts.filter((p) => p.text.trim() !== '');
  const noText = input.posts.length - labelled.length;
  const groupOf = (p: PostRecord) => resolveMerge(definitions, p.audience.key);

  const humanLabels = humanLabelsOf(input.posts);
  const models = [...new Set(labelled.map((p) => p.model))];
  const mismatch = models.some((m) => m !== model) ? `posts were classified by ${models.join(', ')}; the error rates describe ${model}` : null;
  const rates = Object.fromEntries(LANGS.map((l) => [l, mismatch ? null : errorRatesFor(l, humanLabels, modelMeta)])) as Record<Lang, ErrorRates | null>;

  const summaryPost = (p: PostRecord, group: string, i: number): SummaryPost => ({
    line: i + 1,
    group,
    platform: p.platform,
    label: p.label,
    lang: p.lang,
    author: authorKey(p),
    time: p.seenAt,
    human: p.humanLabel ?? null,
    model: p.model,
    exported: exportPost(p, group, false),
  });
  const counted = labelled.filter((p) => !p.sponsored);
  const tallyOptions = { window: 'all' as const, timeZone: input.timeZone, rates, noCorrectionReason: mismatch, groupName: (g: string) => g };
  const { rows } = computeTallies(counted.map((p, i) => summaryPost(p, groupOf(p), i)), tallyOptions);
  // Author lists: the posts of their authors wherever they were seen (a post may also be in its view's rows).
  for (const list of definitions.authorAudiences) {
    const wanted = new Set(list.authors.map((a) => `${a.platform}:${normaliseHandle(a.handle)}`));
    const mine = counted.filter((p) => wanted.has(authorKey(p) ?? ''));
    if (mine.length > 0) rows.push(...computeTallies(mine.map((p, i) => summaryPost(p, list.key, i)), tallyOptions).rows);
  }

  const sponsored = labelled.length - counted.length;
  const platformsRead = PLATFORM_IDS.filter((id) => preferences.platforms[id]);
  const files = await buildDataPackage({
    posts: labelled.map((p) => exportPost(p, groupOf(p), preferences.includeTextInExports)),
    tallies: rows,
    agreement: agreementByLanguage(humanLabels),
    metadata: {
      created: input.now.toISOString(),
      generator: `properso extension ${input.version}`,
      model: { id: modelMeta.id, sha256: modelMeta.sha256, version: modelMeta.version },
      codebookVersion: modelMeta.codebookVersion,
      sampling: {
        note:
          `${DEFAULT_SAMPLING_NOTE} Read by the Properso extension in one browser, while the user scrolled; ` +
          `posts are kept ${preferences.retentionDays} days after they were seen. Sponsored posts are in posts.csv (sponsored = true) ` +
          `but not in tallies.csv. tallies.csv: one row pair per audience, as the user named and merged them, over the whole period; ` +
          `window times are when the posts were seen.`,
        postsSeen: input.posts.length,
        excluded: [
          { reason: 'no text: the model could not classify them', count: noText },
          { reason: 'sponsored: in posts.csv, left out of tallies.csv', count: sponsored },
        ].filter((e) => e.count > 0),
      },
      grouping: { by: 'audience', window: 'all', timeZone: input.timeZone },
      errorRates: rates,
    },
    privacy: { key: input.key, keyKind: 'user', includeText: preferences.includeTextInExports },
  });
  // The user's privacy settings, beside the package's own privacy block (never the key).
  const descriptor = JSON.parse(files['datapackage.json']!) as { properso: Record<string, unknown> };
  descriptor.properso.extensionSettings = {
    retentionDays: preferences.retentionDays,
    platformsRead,
    textIncluded: preferences.includeTextInExports,
    keyKept: 'the pseudonymisation key was made on this device with crypto.getRandomValues and stays there',
    humanLabels: humanLabels.length,
  };
  files['datapackage.json'] = `${JSON.stringify(descriptor, null, 2)}\n`;
  return files;
}

/**
 * NDJSON: one post per line with the posts.csv fields (ids pseudonymised as in the package), plus
 * `cues` when the text is included (cues are words of the text).
 *
 * The pseudonyms are asked for a chunk of posts at a time, not one after the other: each HMAC is a
 * Web Crypto call that answers asynchronously, and awaiting 400,000 of them in turn made the export of
 * 200,000 posts take 39 s in Firefox (scripts/bench/scale.ts); an author's pseudonym is computed once.
 */
const PSEUDONYM_CHUNK = 2_000;

export async function buildExtensionNdjson(input: ExtensionExportInput): Promise<string> {
  const definitions = input.definitions ?? emptyAudienceDefinitions();
  const includeText = input.preferences.includeTextInExports;
  const pseudonym = await pseudonymiser(input.key);
  const authors = new Map<string, Promise<string>>();
  const authorPseudonym = (id: string) => {
    let found = authors.get(id);
    if (!found) authors.set(id, (found = pseudonym(id)));
    return found;
  };
  const posts = input.posts.filter((p) => p.text.trim() !== '');
  const lines = [];
  for (let i = 0; i < posts.length; i += PSEUDONYM_CHUNK) {
    const chunk = posts.slice(i, i + PSEUDONYM_CHUNK).map(async (p) => {
      const row = exportPost(p, resolveMerge(definitions, p.audience.key), includeText);
      const [postId, authorId] = await Promise.all([
        pseudonym(`${row.platform}:${row.post_id}`),
        row.author_id ? authorPseudonym(`${row.platform}:${row.author_id}`) : null,
      ]);
      return {
        ...row,
        post_id: postId,
        author_id: authorId,
        seen_at: new Date(p.seenAt).toISOString(),
        model: p.model,
        ...(includeText ? { text: p.text, cues: p.cues ?? null } : { text: undefined }),
      };
    });
    lines.push(...(await Promise.all(chunk)));
  }
  return toNdjson(lines);
}
