/**
 * Pseudonyms for post and author ids: HMAC-SHA-256 under a secret key (Web Crypto, in Node 20 and
 * browsers alike), hex, truncated. Without the key a pseudonym cannot be reversed or recomputed
 * from a guessed handle; with the same key the same id always gives the same pseudonym, so several
 * exports can be linked by whoever holds the key.
 */

/** Hex digits kept: 16 = 64 bits, collisions negligible below billions of ids. */
export const PSEUDONYM_HEX_LENGTH = 16;

export type PseudonymKey = string | Uint8Array;

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer, length: number): string {
  let out = '';
  for (const b of new Uint8Array(bytes)) out += b.toString(16).padStart(2, '0');
  return out.slice(0, length);
}

async function importKey(key: PseudonymKey): Promise<CryptoKey> {
  const raw = typeof key === 'string' ? encoder.encode(key) : key;
  if (raw.length === 0) throw new RangeError('pseudonymise: the key is empty');
  return crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

function checkLength(length: number): void {
  if (!Number.isInteger(length) || length < 8 || length > 64) throw new RangeError(`pseudonymise: length must be 8–64 hex digits, got ${length}`);
}

/** HMAC-SHA-256(key, id) as the first `length` hex digits. */
export async function pseudonymise(id: string, key: PseudonymKey, length = PSEUDONYM_HEX_LENGTH): Promise<string> {
  checkLength(length);
  const cryptoKey = await importKey(key);
  return hex(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(id)), length);
}

/** The same with the key imported once, for many ids. */
export async function pseudonymiser(key: PseudonymKey, length = PSEUDONYM_HEX_LENGTH): Promise<(id: string) => Promise<string>> {
  checkLength(length);
  const cryptoKey = await importKey(key);
  return async (id) => hex(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(id)), length);
}

/** A fresh random 32-byte key (for an export whose pseudonyms must not link to any other). */
export function randomPseudonymKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}
