import { formatDateTime } from '../format.ts';
import type { WeeklyReport } from '../insight-api.ts';
import { formatDate } from '../insight-format.ts';
import { MeldingTable } from '../shared/melding-table.tsx';
import { bt } from '../texts-nl.ts';
import { busiest, WeekdayHourTable } from '../weekday-hour-table.tsx';
import { ChangeText } from './change-text.tsx';
import { TrendTable } from './trend-table.tsx';

export function Report({ report }: { report: WeeklyReport }) {
  const r = report;
  return (
    <>
      <p className="utrecht-paragraph bs-week__total">
        <strong>{bt.week.totalLine(r.totals.count)}</strong> — <ChangeText trend={r.totals} />
      </p>
      <p className="utrecht-paragraph bs-muted">{bt.week.generated(formatDateTime(r.generatedAt))}</p>

      <section className="bs-section" aria-labelledby="week-categories">
        <h2 id="week-categories" className="utrecht-heading-2">
          {bt.week.perCategory}
        </h2>
        <TrendTable
          id="week-category-table"
          caption={bt.week.perCategory}
          firstColumn={bt.week.colCategory}
          rows={r.perCategory.map((c) => ({ key: c.category.id, label: c.category.label, trend: c }))}
          total={r.totals}
        />
      </section>

      <section className="bs-section" aria-labelledby="week-wijken">
        <h2 id="week-wijken" className="utrecht-heading-2">
          {bt.week.perWijk}
        </h2>
        <TrendTable
          id="week-wijk-table"
          caption={bt.week.perWijk}
          firstColumn={bt.week.colWijk}
          rows={r.perWijk.map((w) => ({
            key: w.wijk?.code ?? 'buiten',
            label: w.wijk?.naam ?? bt.week.outsideWijk,
            trend: w,
          }))}
        />
      </section>

      <section className="bs-section" aria-labelledby="week-hotspots">
        <h2 id="week-hotspots" className="utrecht-heading-2">
          {bt.week.hotspots}
        </h2>
        {r.hotspots.length === 0 ? (
          <p className="utrecht-paragraph bs-muted">{bt.week.hotspotsNone}</p>
        ) : (
          r.hotspots.map((h, i) => {
            const title = bt.week.hotspotTitle(
              h.wijk?.naam ?? bt.week.outsideWijk,
              h.category?.label ?? bt.week.allCategories,
            );
            const top = busiest(h.profile.weekdayHour);
            return (
              <article key={`${h.cell}-${i}`} className="bs-week__hotspot bs-print-keep">
                <h3 className="utrecht-heading-3">{title}</h3>
                <p className="utrecht-paragraph">
                  {bt.week.hotspotMeta(formatDate(h.since), h.count)}
                  {top && (
                    <>
                      {' '}
                      · {bt.week.busiest(bt.weekdays[top.day] ?? '', bt.map.hourLabel(top.hour), top.count)}
                    </>
                  )}
                </p>
                <WeekdayHourTable
                  id={`week-hotspot-${i}`}
                  matrix={h.profile.weekdayHour}
                  caption={bt.week.hotspotProfile(title)}
                />
              </article>
            );
          })
        )}
      </section>

      <section className="bs-section" aria-labelledby="week-deadline">
        <h2 id="week-deadline" className="utrecht-heading-2">
          {bt.week.pastDeadline} ({r.pastDeadline.total})
        </h2>
        {r.pastDeadline.items.length === 0 ? (
          <p className="utrecht-paragraph bs-muted">{bt.week.pastDeadlineNone}</p>
        ) : (
          <MeldingTable
            caption={bt.week.pastDeadline}
            referenceHeader={bt.week.colReference}
            rows={r.pastDeadline.items}
            columns={[
              { header: bt.week.colCategory, cell: (m) => m.category.label },
              { header: bt.week.colTeam, cell: (m) => m.team?.name ?? bt.week.noTeam },
              {
                header: bt.week.colPriority,
                cell: (m) => (m.priority ? (bt.priorities[m.priority] ?? m.priority) : bt.week.noTeam),
              },
              { header: bt.week.colDeadline, cell: (m) => formatDateTime(m.deadlineAt) },
              { header: bt.week.colDaysLate, numeric: true, cell: (m) => m.daysLate },
            ]}
          />
        )}
        {r.pastDeadline.total > r.pastDeadline.items.length && (
          <p className="utrecht-paragraph bs-muted">
            {bt.week.moreItems(r.pastDeadline.items.length, r.pastDeadline.total)}
          </p>
        )}
      </section>

      <section className="bs-section" aria-labelledby="week-reopened">
        <h2 id="week-reopened" className="utrecht-heading-2">
          {bt.week.reopened} ({r.reopened.total})
        </h2>
        {r.reopened.items.length === 0 ? (
          <p className="utrecht-paragraph bs-muted">{bt.week.reopenedNone}</p>
        ) : (
          <MeldingTable
            caption={bt.week.reopened}
            referenceHeader={bt.week.colReference}
            rows={r.reopened.items}
            columns={[
              { header: bt.week.colCategory, cell: (m) => m.category.label },
              { header: bt.week.colWijk, cell: (m) => m.wijk?.naam ?? bt.week.outsideWijk },
              { header: bt.week.colReopenedAt, cell: (m) => formatDateTime(m.reopenedAt) },
              {
                header: bt.week.colBy,
                cell: (m) => (m.by === 'melder' ? bt.week.byMelder : bt.week.byStaff),
              },
              { header: bt.week.colStatus, cell: (m) => m.status.label },
            ]}
          />
        )}
      </section>

      <section className="bs-section bs-print-keep" aria-labelledby="week-satisfaction">
        <h2 id="week-satisfaction" className="utrecht-heading-2">
          {bt.week.satisfaction}
        </h2>
        <p className="utrecht-paragraph">{bt.week.satisfactionLine(r.satisfaction.ja, r.satisfaction.nee)}</p>
        {r.satisfaction.explanations.length > 0 && (
          <>
            <h3 className="utrecht-heading-3">{bt.week.explanations}</h3>
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
      </section>

      <section className="bs-section" aria-labelledby="week-notable">
        <h2 id="week-notable" className="utrecht-heading-2">
          {bt.week.notable} ({r.notable.length})
        </h2>
        {r.notable.length === 0 ? (
          <p className="utrecht-paragraph bs-muted">{bt.week.notableNone}</p>
        ) : (
          <MeldingTable
            caption={bt.week.notable}
            referenceHeader={bt.week.colReference}
            rows={r.notable}
            columns={[
              { header: bt.week.colCategory, cell: (m) => m.category.label },
              { header: bt.week.colWijk, cell: (m) => m.wijk?.naam ?? bt.week.outsideWijk },
              { header: bt.week.colReason, preWrap: true, cell: (m) => m.reason },
              {
                header: bt.week.colFlagged,
                cell: (m) => bt.week.flaggedBy(formatDateTime(m.flaggedAt), m.flaggedBy?.name ?? null),
              },
            ]}
          />
        )}
      </section>
    </>
  );
}
