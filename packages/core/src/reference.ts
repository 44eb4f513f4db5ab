// Public reference of a melding, e.g. SOE-2026-000123: municipality prefix, year, sequence number
// within that year (6 digits, more when a year ever needs them).

/** Matches a reference such as SOE-2026-000123. Groups: prefix, year, sequence. */
export const referencePattern = /^([A-Z]{2,8})-(\d{4})-(\d{6,})$/;

export function formatReference(prefix: string, year: number, seq: number): string {
  if (!/^[A-Z]{2,8}$/.test(prefix)) {
    throw new RangeError(`reference prefix must be 2-8 capital letters, got "${prefix}"`);
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`reference year must be a four-digit integer, got ${year}`);
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new RangeError(`reference sequence must be a positive integer, got ${seq}`);
  }
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}

export interface ParsedReference {
  prefix: string;
  year: number;
  seq: number;
}

export function parseReference(reference: string): ParsedReference | null {
  const match = referencePattern.exec(reference.trim().toUpperCase());
  if (!match) return null;
  const [, prefix, year, seq] = match;
  if (prefix === undefined || year === undefined || seq === undefined) return null;
  return { prefix, year: Number(year), seq: Number(seq) };
}
