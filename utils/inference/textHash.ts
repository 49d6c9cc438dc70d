/**
 * Key of the prediction cache: SHA-256 of the text, so the cache holds no post text, only digests
 * (the host keeps thousands of entries for the whole browser session).
 */
export async function textHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
