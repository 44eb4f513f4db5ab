import { useMemo, useState } from 'react';
import { staffMapTexts } from '../texts/index.ts';

export interface CellRow {
  cell: string;
  label: string;
  wijk: string;
  count: number;
  /** Change against the equally long period before; null while unknown. */
  trend: number | null;
  hotspotSince: string | null;
}

type SortKey = 'label' | 'wijk' | 'count' | 'trend';
type Direction = 'ascending' | 'descending';

const columns: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'label', label: staffMapTexts.colCell, numeric: false },
  { key: 'wijk', label: staffMapTexts.colWijk, numeric: false },
  { key: 'count', label: staffMapTexts.colCount, numeric: true },
  { key: 'trend', label: staffMapTexts.colTrend, numeric: true },
];

export function trendText(trend: number | null): string {
  if (trend === null) return staffMapTexts.trendUnknown;
  if (trend > 0) return staffMapTexts.trendMore(trend);
  if (trend < 0) return staffMapTexts.trendLess(-trend);
  return staffMapTexts.trendSame;
}

/**
 * The map's accessible alternative: every cell in view as a row, sortable by keyboard (buttons in the
 * headers, aria-sort on the sorted one); a row's button opens the same cell panel as a click on the map.
 */
export function HotspotTable({
  rows,
  selected,
  onSelect,
}: {
  rows: CellRow[];
  selected: string | null;
  onSelect: (cell: string) => void;
}) {
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({
    key: 'count',
    direction: 'descending',
  });
  const [announce, setAnnounce] = useState('');

  const sorted = useMemo(() => {
    const factor = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      let d = 0;
      if (sort.key === 'count') d = a.count - b.count;
      else if (sort.key === 'trend')
        d = (a.trend ?? Number.NEGATIVE_INFINITY) - (b.trend ?? Number.NEGATIVE_INFINITY);
      else d = a[sort.key].localeCompare(b[sort.key], 'nl');
      return d * factor || a.cell.localeCompare(b.cell);
    });
  }, [rows, sort]);

  const toggle = (key: SortKey, label: string, numeric: boolean) => {
    const direction: Direction =
      sort.key === key
        ? sort.direction === 'ascending'
          ? 'descending'
          : 'ascending'
        : numeric
          ? 'descending'
          : 'ascending';
    setSort({ key, direction });
    setAnnounce(staffMapTexts.sorted(label, direction === 'ascending'));
  };

  if (rows.length === 0) return <p className="utrecht-paragraph bs-muted">{staffMapTexts.tableEmpty}</p>;

  return (
    <>
      <div className="bs-table-scroll">
        <table className="bs-table bs-hotspot-table" aria-describedby="hotspot-table-hint">
          <caption className="bs-visually-hidden">{staffMapTexts.tableCaption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'bs-num' : undefined}
                  aria-sort={sort.key === c.key ? sort.direction : undefined}
                >
                  <button
                    type="button"
                    className="bs-sort-button"
                    onClick={() => toggle(c.key, c.label, c.numeric)}
                  >
                    {c.label}
                    <span aria-hidden="true" className="bs-sort-button__icon">
                      {sort.key === c.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.cell} className={r.cell === selected ? 'bs-hotspot-table__selected' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="bs-row-button"
                    aria-label={staffMapTexts.open(r.label)}
                    aria-current={r.cell === selected ? 'true' : undefined}
                    onClick={() => onSelect(r.cell)}
                  >
                    <span className="bs-mono">{r.label}</span>
                  </button>
                  {r.hotspotSince && (
                    <span className="bs-hotspot-badge">
                      {staffMapTexts.hotspotBadge} {staffMapTexts.hotspotSince(r.hotspotSince)}
                    </span>
                  )}
                </th>
                <td>{r.wijk}</td>
                <td className="bs-num">{r.count}</td>
                <td className="bs-num">{trendText(r.trend)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="hotspot-table-hint" className="utrecht-paragraph bs-muted">
        {staffMapTexts.trendHint}
      </p>
      <p className="bs-visually-hidden" role="status">
        {announce}
      </p>
    </>
  );
}
