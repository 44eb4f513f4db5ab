import { useQuery } from '@tanstack/react-query';
import { staffRostersTexts as t } from '../../texts/index.ts';
import { Alert } from '../../ui/alert.tsx';
import { asApiError } from '../api.ts';
import { type CoverageGap, rosterApi, rosterKeys } from './roster-api.ts';
import type { RosterContext } from './roster-context.ts';
import { formatMinutes, localMoment } from './roster-format.ts';

/** The gaps as a table: from, until (local wall-clock time), how long, marked "geen bezetting". */
export function CoverageGapTable({
  id,
  caption,
  gaps,
}: {
  id: string;
  caption: string;
  gaps: readonly CoverageGap[];
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls sideways on a phone; a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="bs-table-scroll" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="bs-table bs-table--compact" id={id}>
        <caption id={`${id}-caption`} className="bs-table__caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.coverage.colFrom}</th>
            <th scope="col">{t.coverage.colUntil}</th>
            <th scope="col" className="bs-num">
              {t.coverage.colDuration}
            </th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((g) => (
            <tr key={g.startsAt} className="bs-roster-gap">
              <th scope="row">
                <span className="bs-roster-gap__mark">{t.coverage.gap}</span>{' '}
                {localMoment(g.startDate, g.startTime)}
              </th>
              <td>{localMoment(g.endDate, g.endTime)}</td>
              <td className="bs-num">{formatMinutes(g.minutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The coverage check of the next 14 days on the roster page. */
export function CoverageGaps({ ctx }: { ctx: RosterContext }) {
  const coverage = useQuery({
    queryKey: rosterKeys.coverage(ctx.team.id),
    queryFn: () => rosterApi.coverage(ctx.team.id, 14),
  });
  const c = coverage.data;
  return (
    <section className="bs-section" aria-labelledby="roster-coverage-heading">
      <h2 id="roster-coverage-heading" className="utrecht-heading-2">
        {t.coverage.heading}
      </h2>
      <p className="utrecht-paragraph bs-muted">{t.coverage.intro}</p>
      {coverage.error && (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{asApiError(coverage.error).message}</p>
        </Alert>
      )}
      {c &&
        (c.gaps.length === 0 ? (
          <p className="utrecht-paragraph">{t.coverage.none}</p>
        ) : (
          <>
            <p className="utrecht-paragraph">
              <strong>{t.coverage.total(formatMinutes(c.totalMinutes))}</strong>
            </p>
            <CoverageGapTable
              id="roster-coverage-table"
              caption={t.coverage.caption(c.team.name)}
              gaps={c.gaps}
            />
          </>
        ))}
    </section>
  );
}
