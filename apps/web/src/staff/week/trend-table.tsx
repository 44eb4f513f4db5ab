import { staffWeekTexts } from '../../texts/index.ts';
import type { Trend } from '../insight-api.ts';
import { formatNumber } from '../insight-format.ts';
import { ChangeText } from './change-text.tsx';

/** Count, the average of the weeks before and the change, per row; a totals row when given. */
export function TrendTable({
  id,
  caption,
  firstColumn,
  rows,
  total,
}: {
  id: string;
  caption: string;
  firstColumn: string;
  rows: { key: string; label: string; trend: Trend }[];
  total?: Trend;
}) {
  return (
    <div className="bs-table-scroll">
      <table className="bs-table bs-print-keep" id={id}>
        <caption className="bs-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            <th scope="col" className="bs-num">
              {staffWeekTexts.colCount}
            </th>
            <th scope="col" className="bs-num">
              {staffWeekTexts.colAverage}
            </th>
            <th scope="col">{staffWeekTexts.colChange}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="bs-num">{r.trend.count}</td>
              <td className="bs-num">{formatNumber(r.trend.previousAverage)}</td>
              <td>
                <ChangeText trend={r.trend} />
              </td>
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr>
              <th scope="row">{staffWeekTexts.totals}</th>
              <td className="bs-num">{total.count}</td>
              <td className="bs-num">{formatNumber(total.previousAverage)}</td>
              <td>
                <ChangeText trend={total} />
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
