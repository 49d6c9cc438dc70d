import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Label } from '../../utils/model/types';

export const DEVSET_LABELS = 'models/devset/real-dev.jsonl';
/** Real posts live outside the repository (never copied in): ../shared/data next to the checkout. */
export const SHARED_DATA_DIR = process.env.PROPERSO_SHARED_DATA ?? join('..', 'shared', 'data');

export interface DevPost {
  source: string;
  id: string;
  lang: 'fr' | 'en';
  label: Label;
  text: string;
}

/**
 * Joins the committed labels (ids only) with the texts in ../shared/data. Returns null with a reason
 * when the real data is not available, so callers can say so and skip.
 */
export function loadDevSet(): { posts: DevPost[] } | { missing: string } {
  if (!existsSync(DEVSET_LABELS)) return { missing: `${DEVSET_LABELS} not found` };
  if (!existsSync(SHARED_DATA_DIR)) return { missing: `real posts not found at ${SHARED_DATA_DIR} (set PROPERSO_SHARED_DATA)` };
  const labels = readFileSync(DEVSET_LABELS, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Omit<DevPost, 'text'>);
  const texts = new Map<string, string>();
  for (const source of new Set(labels.map((l) => l.source))) {
    const path = join(SHARED_DATA_DIR, source);
    if (!existsSync(path)) return { missing: `${path} not found` };
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { id: string; text: string };
      texts.set(`${source}\0${row.id}`, row.text);
    }
  }
  const posts: DevPost[] = [];
  for (const label of labels) {
    if (label.label !== 'professional' && label.label !== 'personal') continue;
    const text = texts.get(`${label.source}\0${label.id}`);
    if (text === undefined) throw new Error(`${DEVSET_LABELS}: ${label.source} has no post with id ${label.id}`);
    posts.push({ ...label, text });
  }
  return { posts };
}
