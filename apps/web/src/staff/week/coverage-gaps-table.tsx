import { staffRostersTexts as t } from '../../texts/index.ts';
import type { WeeklyReport } from '../insight-api.ts';
import { formatMinutes, localMoment } from '../rosters/roster-format.ts';

/** The weekly overview's coverage gaps: per team, the hours within its expected hours without anyone. */
export function CoverageGapsTable({ teams }: { teams: WeeklyReport['coverageGaps'] }) {
  const withGaps = teams.filter((x) => x.gaps.length > 0);
  if (withGaps.length === 0) return <p className="utrecht-paragraph bs-muted">{t.coverage.weekNone}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls sideways on a phone; a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="bs-table-scroll" aria-labelledby="week-coverage-caption" tabIndex={0}>
      <table className="bs-table bs-table--compact bs-print-keep" id="week-coverage-table">
        <caption id="week-coverage-caption" className="bs-table__caption">
          {t.coverage.weekCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.coverage.colTeam}</th>
            <th scope="col">{t.coverage.colFrom}</th>
            <th scope="col">{t.coverage.colUntil}</th>
            <th scope="col" className="bs-num">
              {t.coverage.colDuration}
            </th>
          </tr>
        </thead>
        {withGaps.map((x) => (
          <tbody key={x.team.id}>
            {x.gaps.map((g, i) => (
              <tr key={g.startsAt}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={x.gaps.length + 1}>
                    {x.team.name}
                  </th>
                )}
                <td>
                  <span className="bs-visually-hidden">{t.coverage.gap}: </span>
                  {localMoment(g.startDate, g.startTime)}
                </td>
                <td>{localMoment(g.endDate, g.endTime)}</td>
                <td className="bs-num">{formatMinutes(g.minutes)}</td>
              </tr>
            ))}
            <tr>
              <td colSpan={2}>{t.coverage.teamTotal}</td>
              <td className="bs-num">
                <strong>{formatMinutes(x.totalMinutes)}</strong>
              </td>
            </tr>
          </tbody>
        ))}
      </table>
    </section>
  );
}
