import type { ReactNode } from 'react';
import { consoleMapTexts, consoleTexts, consoleWeekTexts } from '../../texts/index.ts';
import { formatDateTime } from '../format.ts';
import type { WeeklyReport } from '../insight-api.ts';
import { formatDate } from '../insight-format.ts';
import { MeldingTable } from '../shared/melding-table.tsx';
import { busiest, WeekdayHourTable } from '../weekday-hour-table.tsx';
import { ChangeText } from './change-text.tsx';
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
        <strong>{consoleWeekTexts.totalLine(r.totals.count)}</strong> — <ChangeText trend={r.totals} />
      </p>
      <p className="utrecht-paragraph bs-muted">
        {consoleWeekTexts.generated(formatDateTime(r.generatedAt))}
      </p>

      <ReportSection id="week-categories" heading={consoleWeekTexts.perCategory}>
        <TrendTable
          id="week-category-table"
          caption={consoleWeekTexts.perCategory}
          firstColumn={consoleWeekTexts.colCategory}
          rows={r.perCategory.map((c) => ({ key: c.category.id, label: c.category.label, trend: c }))}
          total={r.totals}
        />
      </ReportSection>

      <ReportSection id="week-wijken" heading={consoleWeekTexts.perWijk}>
        <TrendTable
          id="week-wijk-table"
          caption={consoleWeekTexts.perWijk}
          firstColumn={consoleWeekTexts.colWijk}
          rows={r.perWijk.map((w) => ({
            key: w.wijk?.code ?? 'buiten',
            label: w.wijk?.naam ?? consoleWeekTexts.outsideWijk,
            trend: w,
          }))}
        />
      </ReportSection>

      <ReportSection id="week-hotspots" heading={consoleWeekTexts.hotspots}>
        {r.hotspots.length === 0 ? (
          <p className="utrecht-paragraph bs-muted">{consoleWeekTexts.hotspotsNone}</p>
        ) : (
          r.hotspots.map((h, i) => {
            const title = consoleWeekTexts.hotspotTitle(
              h.wijk?.naam ?? consoleWeekTexts.outsideWijk,
              h.category?.label ?? consoleWeekTexts.allCategories,
            );
            const top = busiest(h.profile.weekdayHour);
            return (
              <article key={`${h.cell}-${i}`} className="bs-week__hotspot bs-print-keep">
                <h3 className="utrecht-heading-3">{title}</h3>
                <p className="utrecht-paragraph">
                  {consoleWeekTexts.hotspotMeta(formatDate(h.since), h.count)}
                  {top && (
                    <>
                      {' '}
                      ·{' '}
                      {consoleWeekTexts.busiest(
                        consoleTexts.weekdays[top.day] ?? '',
                        consoleMapTexts.hourLabel(top.hour),
                        top.count,
                      )}
                    </>
                  )}
                </p>
                <WeekdayHourTable
                  id={`week-hotspot-${i}`}
                  matrix={h.profile.weekdayHour}
                  caption={consoleWeekTexts.hotspotProfile(title)}
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
            {consoleWeekTexts.pastDeadline} ({r.pastDeadline.total})
          </>
        }
      >
        {r.pastDeadline.items.length === 0 ? (
          <p className="utrecht-paragraph bs-muted">{consoleWeekTexts.pastDeadlineNone}</p>
        ) : (
          <MeldingTable
            caption={consoleWeekTexts.pastDeadline}
            referenceHeader={consoleWeekTexts.colReference}
            rows={r.pastDeadline.items}
            columns={[
              { header: consoleWeekTexts.colCategory, cell: (m) => m.category.label },
              { header: consoleWeekTexts.colTeam, cell: (m) => m.team?.name ?? consoleWeekTexts.noTeam },
              {
                header: consoleWeekTexts.colPriority,
                cell: (m) =>
                  m.priority ? (consoleTexts.priorities[m.priority] ?? m.priority) : consoleWeekTexts.noTeam,
              },
              { header: consoleWeekTexts.colDeadline, cell: (m) => formatDateTime(m.deadlineAt) },
              { header: consoleWeekTexts.colDaysLate, numeric: true, cell: (m) => m.daysLate },
            ]}
          />
        )}
        {r.pastDeadline.total > r.pastDeadline.items.length && (
          <p className="utrecht-paragraph bs-muted">
            {consoleWeekTexts.moreItems(r.pastDeadline.items.length, r.pastDeadline.total)}
          </p>
        )}
      </ReportSection>

      <ReportSection
        id="week-reopened"
        heading={
          <>
            {consoleWeekTexts.reopened} ({r.reopened.total})
          </>
        }
      >
        {r.reopened.items.length === 0 ? (
          <p className="utrecht-paragraph bs-muted">{consoleWeekTexts.reopenedNone}</p>
        ) : (
          <MeldingTable
            caption={consoleWeekTexts.reopened}
            referenceHeader={consoleWeekTexts.colReference}
            rows={r.reopened.items}
            columns={[
              { header: consoleWeekTexts.colCategory, cell: (m) => m.category.label },
              { header: consoleWeekTexts.colWijk, cell: (m) => m.wijk?.naam ?? consoleWeekTexts.outsideWijk },
              { header: consoleWeekTexts.colReopenedAt, cell: (m) => formatDateTime(m.reopenedAt) },
              {
                header: consoleWeekTexts.colBy,
                cell: (m) => (m.by === 'melder' ? consoleWeekTexts.byMelder : consoleWeekTexts.byStaff),
              },
              { header: consoleWeekTexts.colStatus, cell: (m) => m.status.label },
            ]}
          />
        )}
      </ReportSection>

      <ReportSection id="week-satisfaction" heading={consoleWeekTexts.satisfaction} printKeep>
        <p className="utrecht-paragraph">
          {consoleWeekTexts.satisfactionLine(r.satisfaction.ja, r.satisfaction.nee)}
        </p>
        {r.satisfaction.explanations.length > 0 && (
          <>
            <h3 className="utrecht-heading-3">{consoleWeekTexts.explanations}</h3>
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
            {consoleWeekTexts.notable} ({r.notable.length})
          </>
        }
      >
        {r.notable.length === 0 ? (
          <p className="utrecht-paragraph bs-muted">{consoleWeekTexts.notableNone}</p>
        ) : (
          <MeldingTable
            caption={consoleWeekTexts.notable}
            referenceHeader={consoleWeekTexts.colReference}
            rows={r.notable}
            columns={[
              { header: consoleWeekTexts.colCategory, cell: (m) => m.category.label },
              { header: consoleWeekTexts.colWijk, cell: (m) => m.wijk?.naam ?? consoleWeekTexts.outsideWijk },
              { header: consoleWeekTexts.colReason, preWrap: true, cell: (m) => m.reason },
              {
                header: consoleWeekTexts.colFlagged,
                cell: (m) =>
                  consoleWeekTexts.flaggedBy(formatDateTime(m.flaggedAt), m.flaggedBy?.name ?? null),
              },
            ]}
          />
        )}
      </ReportSection>
    </>
  );
}
