/** A plain object read back from storage (not null, not an array): what every stored-value check starts with. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
