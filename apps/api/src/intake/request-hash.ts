import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so that key order never changes the hash of the same melding. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What an Idempotency-Key promises: the same melding (after validation) with the same photo bytes. */
export function intakeRequestHash(intake: unknown, photoHashes: readonly string[]): string {
  const hash = createHash('sha256').update(canonicalJson(intake));
  for (const photo of photoHashes) hash.update('\n').update(photo);
  return hash.digest('hex');
}
