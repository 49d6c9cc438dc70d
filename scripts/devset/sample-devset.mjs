#!/usr/bin/env node
// Seeded, reproducible sampler for the real-post development set (models/devset/).
//
// Picks candidate post ids from the real-post files in ../shared/data (see its README.md) so that a
// person can read and hand-label them per docs/CODEBOOK.md. Prints "source<TAB>id<TAB>text" lines
// (or JSON lines with --json). The texts are printed for the labeller only: never commit them.
//
//   node scripts/devset/sample-devset.mjs [--data DIR] [--seed N] [--json] [--lang fr|en]
//
// Plain Node ESM, no dependencies. Same seed + same files => same candidates, same order.

import { readFileSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const DATA = resolve(opt('--data', join(here, '..', '..', '..', 'shared', 'data')));
const SEED = Number(opt('--seed', '20261129'));
const AS_JSON = args.includes('--json');
const ONLY_LANG = opt('--lang', null);

// mulberry32: tiny 32-bit PRNG, good enough for sampling.
function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);

function readJsonl(file) {
  const p = join(DATA, file);
  if (!existsSync(p)) {
    console.error(`missing ${p}`);
    process.exit(2);
  }
  return readFileSync(p, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

const usable = (r) => typeof r.text === 'string' && r.text.trim().length >= 2;

// Draw n rows from pool: seeded Fisher-Yates shuffle, then the first n whose normalised text has not
// been drawn already (retweets, copies and bot repeats would only repeat the same judgement).
function draw(pool, n, seen) {
  const a = pool.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  const out = [];
  for (const r of a) {
    if (out.length === n) break;
    // Key: letters only, so bot posts that differ by a timestamp or a counter count once.
    const key = r.text.toLowerCase().replace(/https?:\S*/g, ' ').replace(/[^\p{L}]+/gu, ' ').trim();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  if (out.length < n) throw new Error(`pool too small: wanted ${n}, got ${out.length}`);
  return out;
}

// The operator's own accounts in telecom_tweets_fr.jsonl (Free / Iliad group, plus the one
// competitor operator account present). Everything else is a customer or a third party.
// Distinct authors were checked by hand: UniversFreebox and FreenewsActu are fan news sites, Xavier75
// is a private person, so they are not operator accounts.
const OPERATORS = new Set(['Freebox', 'free', 'Free_1337', 'GroupeIliad', 'FreeFoot', 'OQEEbyFree', 'bouyguestelecom']);

// Rough "looks English" test for twitter_account_type_en.jsonl (~84% English).
const EN = new Set(('the a an and or but to of in on at for with from by is are was were be been am i you he she it we they ' +
  'me my your our his her their this that these those what who how why when where not no so just all can do does did ' +
  'have has had will would should could get got like love new now up out if about one more than day today time go ' +
  'im its dont cant thanks thank happy good great know see want need').split(' '));
const NOT_EN = new Set(('de la el los las y que en un una para con por se del al es lo como mas pero ' +
  'não eu você uma com para os ' + 'yang dan di ini itu aku ' + 'je le les est et pas une des du ' +
  'und ich der die das nicht ist ' + 'ng sa ako').split(' '));
function looksEnglish(text) {
  const t = text.replace(/https?:\S*|[@#]\w+/g, ' ');
  const letters = t.match(/\p{L}/gu) || [];
  if (letters.length < 2) return false;
  const ascii = letters.filter((c) => /[A-Za-z]/.test(c)).length;
  if (ascii / letters.length < 0.9) return false;
  const words = t.toLowerCase().replace(/[’']/g, '').match(/[a-z]+/g) || [];
  let en = 0;
  let other = 0;
  for (const w of words) {
    if (EN.has(w)) en++;
    else if (NOT_EN.has(w)) other++;
  }
  return en >= 1 && en > other;
}

const seen = new Set();
const plan = [];

// FRENCH: 150 ecology + 150 telecom (50 operator, 100 customers).
const eco = readJsonl('tweets_ecology_fr.jsonl').filter(usable);
const tel = readJsonl('telecom_tweets_fr.jsonl').filter(usable);
plan.push(['fr', 'tweets_ecology_fr.jsonl', draw(eco, 150, seen)]);
plan.push(['fr', 'telecom_tweets_fr.jsonl', draw(tel.filter((r) => OPERATORS.has(r.author)), 50, seen)]);
plan.push(['fr', 'telecom_tweets_fr.jsonl', draw(tel.filter((r) => !OPERATORS.has(r.author)), 100, seen)]);

// ENGLISH: 140 account-type tweets (70 brand, 70 person, English-looking only), 60 corporate, 100 LinkedIn.
const acc = readJsonl('twitter_account_type_en.jsonl').filter((r) => usable(r) && looksEnglish(r.text));
plan.push(['en', 'twitter_account_type_en.jsonl', draw(acc.filter((r) => r.account_type === 'brand'), 70, seen)]);
plan.push(['en', 'twitter_account_type_en.jsonl', draw(acc.filter((r) => r.account_type === 'person'), 70, seen)]);
plan.push(['en', 'corporate_tweets_en.jsonl', draw(readJsonl('corporate_tweets_en.jsonl').filter(usable), 60, seen)]);
plan.push(['en', 'linkedin_posts_en.jsonl', draw(readJsonl('linkedin_posts_en.jsonl').filter(usable), 100, seen)]);

let n = 0;
for (const [lang, source, rows] of plan) {
  if (ONLY_LANG && lang !== ONLY_LANG) continue;
  for (const r of rows) {
    n++;
    if (AS_JSON) {
      const ctx = r.author ?? r.account ?? r.account_type ?? null;
      console.log(JSON.stringify({ source, id: r.id, lang, context: ctx, text: r.text }));
    } else {
      console.log(`${source}\t${r.id}\t${r.text.replace(/\s+/g, ' ')}`);
    }
  }
}
console.error(`${n} candidates (seed ${SEED}, data ${DATA})`);
