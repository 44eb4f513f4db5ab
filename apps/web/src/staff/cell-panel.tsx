import { useQuery } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { staffCellTexts, staffMapTexts } from '../texts/index.ts';
import { Alert } from '../ui/alert.tsx';
import { asApiError } from './api.ts';
import { type CellProfile, type HotspotFilters, insightApi } from './insight-api.ts';
import { formatDate, formatShortDate } from './insight-format.ts';
import { WeekdayHourTable } from './weekday-hour-table.tsx';

const SHOWN_MELDINGEN = 20;

/**
 * One cell's profile: counts per category, when it happens (weekday × hour), the trend per week and the
 * meldingen the user may open. Opened from the map or the table; focus moves to its heading.
 */
export function CellPanel({
  cell,
  label,
  filters,
  onProfile,
  onClose,
}: {
  cell: string;
  label: string;
  filters: HotspotFilters;
  /** Told when the profile has arrived (the map centres on a cell opened by a link). */
  onProfile?: ((profile: CellProfile) => void) | undefined;
  onClose: () => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const told = useRef(onProfile);
  told.current = onProfile;
  const query = useQuery({
    queryKey: ['cell', cell, filters],
    queryFn: () => insightApi.cell(cell, filters),
  });
  const profile = query.data ?? null;
  const error = query.error ? asApiError(query.error).message : null;

  // Another cell or other filters: the list starts short again.
  const key = JSON.stringify(filters);
  useEffect(() => setShowAll(false), [cell, key]);
  useEffect(() => {
    if (profile) told.current?.(profile);
  }, [profile]);

  useEffect(() => {
    heading.current?.focus();
  }, [cell]);

  const trendMax = Math.max(1, ...(profile?.trend.map((t) => t.count) ?? [0]));
  const meldingen = profile?.meldingen ?? null;
  const shown = meldingen ? (showAll ? meldingen : meldingen.slice(0, SHOWN_MELDINGEN)) : [];

  return (
    <section className="bs-cell-panel" aria-labelledby="cell-panel-heading">
      <div className="bs-cell-panel__head">
        <h2 id="cell-panel-heading" ref={heading} tabIndex={-1} className="utrecht-heading-2">
          {staffCellTexts.heading(label)}
        </h2>
        <Button type="button" appearance="secondary-action-button" onClick={onClose}>
          {staffCellTexts.close}
          <span className="bs-visually-hidden"> {staffCellTexts.heading(label)}</span>
        </Button>
      </div>
      {error && (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}
      {!profile && !error && (
        <p className="utrecht-paragraph" role="status">
          {staffCellTexts.loading}
        </p>
      )}
      {profile && (
        <>
          <p className="utrecht-paragraph">
            <strong>{staffCellTexts.total(profile.total)}</strong>
          </p>
          <dl className="bs-cell-panel__facts">
            <div>
              <dt>{staffCellTexts.wijk}</dt>
              <dd>{profile.wijk?.naam ?? staffMapTexts.outsideWijk}</dd>
            </div>
            <div>
              <dt>{staffMapTexts.period}</dt>
              <dd>
                {formatDate(profile.period.from)} – {formatDate(profile.period.to)}
              </dd>
            </div>
          </dl>

          <h3 className="utrecht-heading-3">{staffCellTexts.byCategory}</h3>
          <p className="utrecht-paragraph bs-muted">{staffCellTexts.byCategoryNote}</p>
          <table className="bs-table bs-table--compact">
            <thead>
              <tr>
                <th scope="col">{staffCellTexts.category}</th>
                <th scope="col" className="bs-num">
                  {staffCellTexts.count}
                </th>
              </tr>
            </thead>
            <tbody>
              {profile.byCategory.map((c) => (
                <tr key={c.category.id}>
                  <th scope="row">{c.category.label}</th>
                  <td className="bs-num">{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <WeekdayHourTable
            id="cell-matrix"
            matrix={profile.matrix}
            caption={staffCellTexts.matrixCaption}
            note={`${staffCellTexts.matrixNote} ${staffCellTexts.filterNote}`}
          />

          <h3 className="utrecht-heading-3">{staffCellTexts.trend}</h3>
          <table className="bs-table bs-table--compact bs-trend">
            <thead>
              <tr>
                <th scope="col">{staffCellTexts.week}</th>
                <th scope="col">{staffCellTexts.weekStart}</th>
                <th scope="col" className="bs-num">
                  {staffCellTexts.count}
                </th>
                <td aria-hidden="true" />
              </tr>
            </thead>
            <tbody>
              {profile.trend.map((t) => (
                <tr key={t.week}>
                  <th scope="row">{t.week}</th>
                  <td>{formatShortDate(`${t.start}T12:00:00Z`)}</td>
                  <td className="bs-num">{t.count}</td>
                  <td aria-hidden="true" className="bs-trend__bar-cell">
                    <span
                      className="bs-trend__bar"
                      style={{ inlineSize: `${(t.count / trendMax) * 100}%` }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          <h3 className="utrecht-heading-3">{staffCellTexts.meldingen}</h3>
          {meldingen === null ? (
            <p className="utrecht-paragraph bs-muted">{staffCellTexts.meldingenHidden}</p>
          ) : meldingen.length === 0 ? (
            <p className="utrecht-paragraph bs-muted">{staffCellTexts.meldingenNone}</p>
          ) : (
            <>
              <ul className="bs-cell-panel__meldingen">
                {shown.map((m) => (
                  <li key={m.id}>
                    <Link className="utrecht-link" to={`/balie/meldingen/${m.id}`}>
                      {m.reference}
                    </Link>{' '}
                    {m.category.label}
                    {m.subcategory ? ` – ${m.subcategory.label}` : ''}, {m.status.label},{' '}
                    {formatShortDate(m.happenedAt)}
                  </li>
                ))}
              </ul>
              {meldingen.length > shown.length && (
                <Button type="button" appearance="subtle-button" onClick={() => setShowAll(true)}>
                  {staffCellTexts.showAll(meldingen.length)}
                </Button>
              )}
              {profile.meldingenTruncated && (
                <p className="utrecht-paragraph bs-muted">
                  {staffCellTexts.meldingenTruncated(meldingen.length)}
                </p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
