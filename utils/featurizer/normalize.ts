/**
 * Text normalisation shared by training, the extension and the command line (one source of truth:
 * any change here changes the model's features, so the featurizer version in models/properso.json
 * must be bumped and the model retrained).
 */

/** Longest text we featurize: a 1 MB post must not stall the page or the host. */
export const MAX_TEXT_CHARS = 8000;

const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+|\bhttps?\b(?=\s|$)/giu;
const EMAIL_PATTERN = /\b[\w.+-]+@[\w-]+\.[\w.-]+\b/gu;
const MENTION_PATTERN = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.]+/gu;
const HASHTAG_PATTERN = /#([\p{L}\p{N}_]+)/gu;
const NUMBER_PATTERN = /\p{N}+(?:[.,\s]\p{N}{3})*(?:[.,]\p{N}+)?/gu;
const COMBINING_MARKS = /\p{M}+/gu;
// Emoji presentation characters and pictographs (variation selectors and ZWJ are dropped).
const EMOJI_PATTERN = /\p{Extended_Pictographic}/gu;

/** Placeholder tokens: letters only, so the tokenizer keeps them whole. */
export const PLACEHOLDERS = { url: 'xxurl', email: 'xxemail', mention: 'xxmention', number: 'xxnum', hashtag: 'xxtag' } as const;

/** Splits "recrutementTech" or "OpenToWork" into words; leaves all-lowercase tags whole. */
export function splitHashtag(tag: string): string[] {
  return tag
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/_/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * Lower-cased, accent-stripped text with placeholders for links, e-mails, mentions and numbers,
 * hashtags split into words after a tag marker, and each emoji as its own token.
 * Accents are stripped because real posts often lack them ("deja", "reunion").
 */
export function normalizeText(raw: string): string {
  let text = raw.length > MAX_TEXT_CHARS ? raw.slice(0, MAX_TEXT_CHARS) : raw;
  text = text.normalize('NFKC');
  // Some exports write line breaks as literal "\n" or HTML entities; read them as what they are.
  text = text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\\n/g, '\n');
  text = text.replace(URL_PATTERN, ` ${PLACEHOLDERS.url} `);
  text = text.replace(EMAIL_PATTERN, ` ${PLACEHOLDERS.email} `);
  text = text.replace(MENTION_PATTERN, `$1 ${PLACEHOLDERS.mention} `);
  text = text.replace(HASHTAG_PATTERN, (_m, tag: string) => ` ${PLACEHOLDERS.hashtag} ${splitHashtag(tag).join(' ')} `);
  text = text.replace(EMOJI_PATTERN, (e) => ` ${e} `);
  text = text.toLowerCase();
  text = text.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
  text = text.replace(NUMBER_PATTERN, ` ${PLACEHOLDERS.number} `);
  return text;
}

/**
 * Word tokens of normalised text: runs of letters/digits (apostrophes split French elisions:
 * "l'entreprise" → "l", "entreprise"), emoji, and "!" / "?" runs, which mark personal tone.
 */
export function tokenize(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+|\p{Extended_Pictographic}|[!?]+/gu) ?? [];
}
