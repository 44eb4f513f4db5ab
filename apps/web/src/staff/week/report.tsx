import type { ReactNode } from 'react';
import { staffMapTexts, staffRostersTexts, staffTexts, staffWeekTexts } from '../../texts/index.ts';
import { formatDateTime } from '../format.ts';
import type { WeeklyReport } from '../insight-api.ts';
import { formatDate } from '../insight-format.ts';
import { MeldingTable } from '../shared/melding-table.tsx';
import { busiest, WeekdayHourTable } from '../weekday-hour-table.tsx';
import { ChangeText } from './change-text.tsx';
import { CoverageGapsTable } from './coverage-gaps-table.tsx';
import { TrendTable } from './trend-table.tsx';

/** One part of the report, headed for the overview and kept on one printed page where asked. */
function ReportSection({
  id,
  heading,
  printKeep = false,
  children,
}: {
  id: string;
  heading: ReactNode;
  printKeep?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={`bs-section${printKeep ? ' bs-print-keep' : ''}`} aria-labelledby={id}>
      <h2 id={id} className="utrecht-heading-2">
        {heading}
      </h2>
      {children}
    </section>
  );
}

export function Report({ report }: { report: WeeklyReport }) {
  const r = report;
  return (
    <>
      <p className="utrecht-paragraph bs-week__total">
        <strong>{staffWeekTexts.totalLine(r.totals.count)}</strong> — <ChangeText trend={r.totals} />
      </p>
      <p className="utrecht-paragraph bs-muted">{staffWeekTexts.generated(formatDateTime(r.generatedAt))}</p>

      <ReportSection id="week-categories" heading={staffWeekTexts.perCategory}>
        <TrendTable
          id="week-category-table"
          caption={staffWeekTexts.perCategory}
          firstColumn={staffWeekTexts.colCategory}
          rows={r.perCategory.map((c) => ({ key: c.category.id, label: c.category.label, trend: c }))}
          total={r.totals}
        />
      </ReportSection>

      <ReportSection id="week-wijken" heading={staffWeekTexts.perWijk}>
        <TrendTable
          id="week-wijk-table"
          caption={staffWeekTexts.perWijk}
          firstColumn={staffWeekTexts.colWijk}
          rows={r.perWijk.map((w) => ({
            key: w.wijk?.code ?? 'buiten',
            label: w.wijk?.naam ?? staffWeekTexts.outsideWijk,
            trend: w,
          }))}
        />
      </ReportSection>

      <ReportSection id="week-hotspots" heading={staffWeekTexts.hotspots}>
        {r.hotspots.length === 0 ? (
          <p className="utrecht-paragraph bs-muted">{staffWeekTexts.hotspotsNone}</p>
        ) : (
          r.hotspots.map((h, i) => {
            const title = staffWeekTexts.hotspotTitle(
              h.wijk?.naam ?? staffWeekTexts.outsideWijk,
              h.category?.label ?? staffWeekTexts.allCategories,
            );
            const top = busiest(h.profile.weekdayHour);
            return (
              <article key={`${h.cell}-${i}`} className="bs-week__hotspot bs-print-keep">
                <h3 className="utrecht-heading-3">{title}</h3>
                <p className="utrecht-paragraph">
                  {staffWeekTexts.hotspotMeta(formatDate(h.since), h.count)}
                  {top && (
                    <>
                      {' '}
                      ·{' '}
                      {staffWeekTexts.busiest(
                        staffTexts.weekdays[top.day] ?? '',
                        staffMapTexts.hourLabel(top.hour),
                        top.count,
                      )}
                    </>
                  )}
                </p>
                <WeekdayHourTable
                  id={`week-hotspot-${i}`}
                  matrix={h.profile.weekdayHour}
                  caption={staffWeekTexts.hotspotProfile(title)}
                />
              </article>
            );
          })
        )}
      </ReportSection>

      <ReportSection
        id="week-deadline"
        heading={
          <>
            {staffWeekTexts.pastDeadline} ({r.pastDeadline.total})
          </>
        }
      >
        {r.pastDeadline.items.length === 0 ? (
          <p className="utrecht-paragraph bs-muted">{staffWeekTexts.pastDeadlineNone}</p>
        ) : (
          <MeldingTable
            caption={staffWeekTexts.pastDeadline}
            referenceHeader={staffWeekTexts.colReference}
            rows={r.pastDeadline.items}
            columns={[
              { header: staffWeekTexts.colCategory, cell: (m) => m.category.label },
              { header: staffWeekTexts.colTeam, cell: (m) => m.team?.name ?? staffWeekTexts.noTeam },
              {
                header: staffWeekTexts.colPriority,
                cell: (m) =>
                  m.priority ? (staffTexts.priorities[m.priority] ?? m.priority) : staffWeekTexts.noTeam,
              },
              { header: staffWeekTexts.colDeadline, cell: (m) => formatDateTime(m.deadlineAt) },
              { header: staffWeekTexts.colDaysLate, numeric: true, cell: (m) => m.daysLate },
            ]}
          />
        )}
        {r.pastDeadline.total > r.pastDeadline.items.length && (
          <p className="utrecht-paragraph bs-muted">
            {staffWeekTexts.moreItems(r.pastDeadline.items.length, r.pastDeadline.total)}
          </p>
        )}
      </ReportSection>

      <ReportSection
        id="week-reopened"
        heading={
          <>
            {staffWeekTexts.reopened} ({r.reopened.total})
          </>
        }
      >
        {r.reopened.items.length === 0 ? (
          <p className="utrecht-paragraph bs-muted">{staffWeekTexts.reopenedNone}</p>
        ) : (
          <MeldingTable
            caption={staffWeekTexts.reopened}
            referenceHeader={staffWeekTexts.colReference}
            rows={r.reopened.items}
            columns={[
              { header: staffWeekTexts.colCategory, cell: (m) => m.category.label },
              { header: staffWeekTexts.colWijk, cell: (m) => m.wijk?.naam ?? staffWeekTexts.outsideWijk },
              { header: staffWeekTexts.colReopenedAt, cell: (m) => formatDateTime(m.reopenedAt) },
              {
                header: staffWeekTexts.colBy,
                cell: (m) => (m.by === 'melder' ? staffWeekTexts.byMelder : staffWeekTexts.byStaff),
              },
              { header: staffWeekTexts.colStatus, cell: (m) => m.status.label },
            ]}
          />
        )}
      </ReportSection>

      <ReportSection id="week-coverage" heading={staffRostersTexts.coverage.weekHeading}>
        <CoverageGapsTable teams={r.coverageGaps} />
      </ReportSection>

      <ReportSection id="week-satisfaction" heading={staffWeekTexts.satisfaction} printKeep>
        <p className="utrecht-paragraph">
          {staffWeekTexts.satisfactionLine(r.satisfaction.ja, r.satisfaction.nee)}
        </p>
        {r.satisfaction.explanations.length > 0 && (
          <>
            <h3 className="utrecht-heading-3">{staffWeekTexts.explanations}</h3>
            <ul className="bs-week__explanations">
              {r.satisfaction.explanations.map((e) => (
                <li key={`${e.reference}-${e.answeredAt}`}>
                  <strong>{e.reference}</strong> ({formatDateTime(e.answeredAt)}):{' '}
                  <span className="bs-pre-wrap">{e.explanation}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </ReportSection>

      <ReportSection
        id="week-notable"
        heading={
          <>
            {staffWeekTexts.notable} ({r.notable.length})
          </>
        }
      >
        {r.notable.length === 0 ? (
          <p className="utrecht-paragraph bs-muted">{staffWeekTexts.notableNone}</p>
        ) : (
          <MeldingTable
            caption={staffWeekTexts.notable}
            referenceHeader={staffWeekTexts.colReference}
            rows={r.notable}
            columns={[
              { header: staffWeekTexts.colCategory, cell: (m) => m.category.label },
              { header: staffWeekTexts.colWijk, cell: (m) => m.wijk?.naam ?? staffWeekTexts.outsideWijk },
              { header: staffWeekTexts.colReason, preWrap: true, cell: (m) => m.reason },
              {
                header: staffWeekTexts.colFlagged,
                cell: (m) => staffWeekTexts.flaggedBy(formatDateTime(m.flaggedAt), m.flaggedBy?.name ?? null),
              },
            ]}
          />
        )}
      </ReportSection>
    </>
  );
}
