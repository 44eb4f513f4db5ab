import { staffCellTexts, staffTexts } from '../texts/index.ts';
import { formatNumber, scaleSteps, stepFor } from './insight-format.ts';

/**
 * The weekday × hour matrix as a real table: 7 rows (maandag first) × 24 hour columns, every number
 * written out and the shade only as an extra. matrix[weekday][hour], Europe/Amsterdam.
 */
export function WeekdayHourTable({
  matrix,
  caption,
  note,
  id,
}: {
  matrix: number[][];
  caption: string;
  note?: string;
  id: string;
}) {
  const max = Math.max(0, ...matrix.flat());
  const steps = scaleSteps(max);
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    // A scrolling region must be reachable by keyboard (WCAG 2.1.1), so the wrapper takes focus.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls sideways on a narrow screen
    <section className="bs-matrix" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="bs-matrix__table" aria-describedby={note ? `${id}-note` : undefined}>
        <caption id={`${id}-caption`} className="bs-matrix__caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{staffCellTexts.day}</th>
            {hours.map((h) => (
              <th key={h} scope="col" abbr={staffCellTexts.hourFull(h)}>
                {staffCellTexts.hourHeader(h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {staffTexts.weekdays.map((day, d) => (
            <tr key={day}>
              <th scope="row" abbr={day}>
                {staffTexts.weekdaysShort[d]}
              </th>
              {hours.map((h) => {
                const n = matrix[d]?.[h] ?? 0;
                const step = stepFor(steps, n);
                return (
                  <td
                    key={h}
                    className={n === 0 ? 'bs-matrix__zero' : undefined}
                    style={step ? { background: step.colour, color: step.text } : undefined}
                  >
                    {formatNumber(n)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {note && (
        <p id={`${id}-note`} className="bs-muted bs-matrix__note">
          {note}
        </p>
      )}
    </section>
  );
}

/** The busiest weekday and hour of a matrix, or null when it is empty. */
export function busiest(matrix: number[][]): { day: number; hour: number; count: number } | null {
  let best: { day: number; hour: number; count: number } | null = null;
  matrix.forEach((row, day) => {
    row.forEach((count, hour) => {
      if (count > 0 && (!best || count > best.count)) best = { day, hour, count };
    });
  });
  return best;
}
