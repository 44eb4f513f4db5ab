import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** For a count: right-aligned. */
  numeric?: boolean;
  /** Keeps the line breaks of free text. */
  preWrap?: boolean;
}

/**
 * A table of meldingen: the reference (a link to the melding) heads each row, then the columns.
 * The caption is for assistive technology; the section's heading shows it.
 */
export function MeldingTable<T extends { id: string; reference: string }>({
  caption,
  referenceHeader,
  columns,
  rows,
}: {
  caption: string;
  referenceHeader: string;
  columns: Column<T>[];
  rows: T[];
}) {
  const cls = (c: Column<T>) =>
    [c.numeric ? 'bs-num' : '', c.preWrap ? 'bs-pre-wrap' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="bs-table-scroll">
      <table className="bs-table">
        <caption className="bs-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{referenceHeader}</th>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'bs-num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link className="utrecht-link" to={`/balie/meldingen/${m.id}`}>
                  {m.reference}
                </Link>
              </th>
              {columns.map((c) => (
                <td key={c.header} className={cls(c)}>
                  {c.cell(m)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
