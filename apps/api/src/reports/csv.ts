import { amsterdamParts } from '@buurtsignaal/core/sla';

// CSV as Dutch Excel opens it by double-click: UTF-8 with a BOM, `;` between cells, decimal comma.

const BOM = '\uFEFF';

const plainNumber = /^-?\d+(,\d+)?$/;

/**
 * One cell: a text that Excel would run as a formula (leading = + - @) gets a leading ', numbers stay
 * numbers; quoted when it holds ; " or a line break.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !plainNumber.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  const lines = rows.map((row) => `${row.map(csvCell).join(';')}\r\n`);
  return `${BOM}${lines.join('')}`;
}

/** A number with a decimal comma; at most two decimals. */
export const csvNumber = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');

const pad = (n: number) => String(n).padStart(2, '0');

export function csvDate(instant: Date): string {
  const p = amsterdamParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

export function csvDateTime(instant: Date): string {
  const p = amsterdamParts(instant);
  return `${csvDate(instant)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "< k" for a number of meldingen that is not 0 but below k; else the number itself. */
export function suppressed(n: number, k: number): string | undefined {
  return n > 0 && n < k ? `< ${k}` : undefined;
}
