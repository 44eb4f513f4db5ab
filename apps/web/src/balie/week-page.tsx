import './insight.css';
import { Button } from '@utrecht/button-react/css';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../ui/alert.tsx';
import { StaffApiError } from './api.ts';
import { SelectField } from './controls.tsx';
import { formatDateTime } from './format.ts';
import {
  insightApi,
  type Trend,
  type WeeklyReport,
  weeklyCsvUrl,
  weeklyMeldingenCsvUrl,
} from './insight-api.ts';
import {
  formatDate,
  formatNumber,
  formatUtcShortDate,
  mondayOf,
  parseWeekKey,
  recentWeeks,
  weekKey,
} from './insight-format.ts';
import { useSession } from './session.tsx';
import { bt } from './texts-nl.ts';
import { useTitle } from './use-title.ts';
import { busiest, WeekdayHourTable } from './weekday-hour-table.tsx';

const WEEKS_IN_PICKER = 26;

/** "3 meer (+25%)", "2 minder (−10%)", "gelijk": the change in words, never colour alone. */
export function changeText(t: Trend): string {
  const n = formatNumber(Math.abs(t.change));
  const pct = t.changePercent === null ? null : formatNumber(Math.abs(t.changePercent));
  if (t.change === 0) return bt.week.changeSame;
  if (t.previousAverage === 0) return bt.week.changeNew(n);
  return t.change > 0 ? bt.week.changeMore(n, pct) : bt.week.changeLess(n, pct);
}

const currentWeekKey = (): string => {
  const current = recentWeeks(0)[0];
  return current ? weekKey(current) : '';
};

const addWeeks = (key: string, delta: number): string | null => {
  const w = parseWeekKey(key);
  if (!w) return null;
  const monday = mondayOf(w);
  monday.setUTCDate(monday.getUTCDate() + 7 * delta + 3);
  const d = new Date(monday);
  // The ISO week of the Thursday is the week itself.
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return weekKey({ year, week });
};

/** The weekly overview for the veiligheidsoverleg: on screen, printed, or as CSV. */
export default function WeekPage() {
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const requested = params.get('week') ?? '';
  const [report, setReport] = useState<WeeklyReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const parsed = report ? parseWeekKey(report.week) : null;
  useTitle(parsed ? bt.week.headingWeek(parsed.week, parsed.year) : bt.week.heading, Boolean(error));

  useEffect(() => {
    let cancelled = false;
    setError(null);
    insightApi
      .weekly(requested || undefined)
      .then((r) => {
        if (!cancelled) setReport(r);
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(err instanceof StaffApiError ? err.message : bt.networkError);
      });
    return () => {
      cancelled = true;
    };
  }, [requested]);

  const weekOptions = useMemo(() => {
    const weeks = recentWeeks(WEEKS_IN_PICKER).map((w, i) => {
      const sunday = new Date(w.monday);
      sunday.setUTCDate(sunday.getUTCDate() + 6);
      const label = bt.week.pickerOption(
        w.week,
        w.year,
        formatUtcShortDate(w.monday),
        formatUtcShortDate(sunday),
      );
      return { value: weekKey(w), label: i === 0 ? `${label} ${bt.week.currentWeek}` : label };
    });
    const current = report?.week ?? requested;
    if (current && !weeks.some((w) => w.value === current)) {
      const w = parseWeekKey(current);
      if (w) {
        const monday = mondayOf(w);
        const sunday = new Date(monday);
        sunday.setUTCDate(sunday.getUTCDate() + 6);
        weeks.push({
          value: current,
          label: bt.week.pickerOption(w.week, w.year, formatUtcShortDate(monday), formatUtcShortDate(sunday)),
        });
      }
    }
    return weeks;
  }, [report, requested]);

  const setWeek = (week: string | null) => {
    if (!week) return;
    setParams(new URLSearchParams({ week }), { replace: true });
  };

  const week = report?.week ?? requested;
  const lastDay = report ? new Date(Date.parse(report.to) - 12 * 3_600_000).toISOString() : null;
  const coordinator = session?.user.role === 'coordinator' || session?.user.role === 'admin';

  return (
    <div className="bs-insight bs-week">
      <header className="bs-week__header">
        <h1 className="utrecht-heading-1">
          {parsed ? bt.week.headingWeek(parsed.week, parsed.year) : bt.week.heading}
        </h1>
        {report && lastDay && (
          <p className="utrecht-paragraph bs-week__range">
            {bt.week.range(formatDate(report.from), formatDate(lastDay))}
          </p>
        )}
      </header>

      <div className="bs-week__tools bs-no-print">
        <SelectField
          id="week-picker"
          label={bt.week.picker}
          value={week}
          options={weekOptions}
          onValueChange={(v) => setWeek(v)}
          className="bs-week__picker"
        />
        <div className="utrecht-button-group bs-week__buttons">
          <Button
            type="button"
            appearance="secondary-action-button"
            disabled={!week}
            onClick={() => setWeek(addWeeks(week, -1))}
          >
            {bt.week.previous}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            disabled={!week || week === currentWeekKey()}
            onClick={() => setWeek(addWeeks(week, 1))}
          >
            {bt.week.next}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => window.print()}>
            {bt.week.print}
          </Button>
        </div>
        {week && (
          <p className="utrecht-paragraph bs-week__exports">
            <a className="utrecht-link bs-download" href={weeklyCsvUrl(week)} download>
              {bt.week.exportCsv}
            </a>
            {coordinator && (
              <a className="utrecht-link bs-download" href={weeklyMeldingenCsvUrl(week)} download>
                {bt.week.exportMeldingen}
              </a>
            )}
            <span className="bs-muted">{bt.week.exportNote}</span>
          </p>
        )}
      </div>

      {error && (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}
      {!report && !error && (
        <p className="utrecht-paragraph" role="status">
          {bt.loading}
        </p>
      )}
      {report && <Report report={report} />}
    </div>
  );
}

function TrendTable({
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
              {bt.week.colCount}
            </th>
            <th scope="col" className="bs-num">
              {bt.week.colAverage}
            </th>
            <th scope="col">{bt.week.colChange}</th>
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
              <th scope="row">{bt.week.totals}</th>
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

function ChangeText({ trend }: { trend: Trend }) {
  const direction = trend.change > 0 ? 'up' : trend.change < 0 ? 'down' : 'same';
  return (
    <span className={`bs-change bs-change--${direction}`}>
      <span aria-hidden="true" className="bs-change__arrow">
        {direction === 'up' ? '▲' : direction === 'down' ? '▼' : '='}
      </span>{' '}
      {changeText(trend)}
    </span>
  );
}

function Report({ report }: { report: WeeklyReport }) {
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
          <div className="bs-table-scroll">
            <table className="bs-table">
              <caption className="bs-visually-hidden">{bt.week.pastDeadline}</caption>
              <thead>
                <tr>
                  <th scope="col">{bt.week.colReference}</th>
                  <th scope="col">{bt.week.colCategory}</th>
                  <th scope="col">{bt.week.colTeam}</th>
                  <th scope="col">{bt.week.colPriority}</th>
                  <th scope="col">{bt.week.colDeadline}</th>
                  <th scope="col" className="bs-num">
                    {bt.week.colDaysLate}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.pastDeadline.items.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link className="utrecht-link" to={`/balie/meldingen/${m.id}`}>
                        {m.reference}
                      </Link>
                    </th>
                    <td>{m.category.label}</td>
                    <td>{m.team?.name ?? bt.week.noTeam}</td>
                    <td>{m.priority ? (bt.priorities[m.priority] ?? m.priority) : bt.week.noTeam}</td>
                    <td>{formatDateTime(m.deadlineAt)}</td>
                    <td className="bs-num">{m.daysLate}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
          <div className="bs-table-scroll">
            <table className="bs-table">
              <caption className="bs-visually-hidden">{bt.week.reopened}</caption>
              <thead>
                <tr>
                  <th scope="col">{bt.week.colReference}</th>
                  <th scope="col">{bt.week.colCategory}</th>
                  <th scope="col">{bt.week.colWijk}</th>
                  <th scope="col">{bt.week.colReopenedAt}</th>
                  <th scope="col">{bt.week.colBy}</th>
                  <th scope="col">{bt.week.colStatus}</th>
                </tr>
              </thead>
              <tbody>
                {r.reopened.items.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link className="utrecht-link" to={`/balie/meldingen/${m.id}`}>
                        {m.reference}
                      </Link>
                    </th>
                    <td>{m.category.label}</td>
                    <td>{m.wijk?.naam ?? bt.week.outsideWijk}</td>
                    <td>{formatDateTime(m.reopenedAt)}</td>
                    <td>{m.by === 'melder' ? bt.week.byMelder : bt.week.byStaff}</td>
                    <td>{m.status.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
          <div className="bs-table-scroll">
            <table className="bs-table">
              <caption className="bs-visually-hidden">{bt.week.notable}</caption>
              <thead>
                <tr>
                  <th scope="col">{bt.week.colReference}</th>
                  <th scope="col">{bt.week.colCategory}</th>
                  <th scope="col">{bt.week.colWijk}</th>
                  <th scope="col">{bt.week.colReason}</th>
                  <th scope="col">{bt.week.colFlagged}</th>
                </tr>
              </thead>
              <tbody>
                {r.notable.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link className="utrecht-link" to={`/balie/meldingen/${m.id}`}>
                        {m.reference}
                      </Link>
                    </th>
                    <td>{m.category.label}</td>
                    <td>{m.wijk?.naam ?? bt.week.outsideWijk}</td>
                    <td className="bs-pre-wrap">{m.reason}</td>
                    <td>{bt.week.flaggedBy(formatDateTime(m.flaggedAt), m.flaggedBy?.name ?? null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
