import { amsterdamParts } from '@buurtsignaal/core/time';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { staffMapTexts, staffTexts } from '../../texts/index.ts';
import { insightApi, type MeldingPoint } from '../insight-api.ts';
import { formatDateTimeShort } from '../insight-format.ts';
import type { View } from './hotspot-map.tsx';

const DAY_MS = 86_400_000;
/** From this zoom the view is small enough to ask for its meldingen one by one (resolution 10). */
export const OPEN_AROUND_ZOOM = 14;
const POINTS_RES = 10;

/** This weekday (1 = maandag) and hour on the Amsterdam clock: what "Nu" filters the map on. */
export function nowInAmsterdam(at = new Date()): { weekday: number; hour: number } {
  const p = amsterdamParts(at);
  return { weekday: p.isoWeekday, hour: p.hour };
}

/**
 * The open meldingen in the map's view (the officer's surroundings once "Waar ben ik" moved the map
 * there): the map API at its finest resolution, open statuses only, of the past year.
 */
export function useOpenAround(view: View | null, enabled: boolean) {
  const close = view !== null && view.zoom >= OPEN_AROUND_ZOOM;
  const query = useQuery({
    queryKey: ['open-around', view?.bbox],
    enabled: enabled && close,
    queryFn: () => {
      if (!view) throw new Error('no view');
      const to = Math.floor(Date.now() / 60_000) * 60_000;
      return insightApi.hotspots(view.bbox, POINTS_RES, {
        status: 'open',
        from: new Date(to - 365 * DAY_MS).toISOString(),
        to: new Date(to).toISOString(),
      });
    },
  });
  return {
    tooFar: enabled && view !== null && !close,
    points: enabled && close ? (query.data?.meldingen ?? null) : null,
    truncated: query.data?.meldingenTruncated ?? false,
  };
}

/** The "Nu" view's text: which weekday and hour the map shows, and the open meldingen around. */
export function NowPanel({
  weekday,
  hour,
  points,
  tooFar,
  truncated,
}: {
  weekday: number;
  hour: number;
  points: MeldingPoint[] | null;
  tooFar: boolean;
  truncated: boolean;
}) {
  return (
    <section aria-labelledby="now-heading" className="bs-section bs-now">
      <h2 id="now-heading" className="utrecht-heading-2">
        {staffMapTexts.nowHeading(staffTexts.weekdays[weekday - 1] ?? '', staffMapTexts.hourLabel(hour))}
      </h2>
      <p className="utrecht-paragraph">{staffMapTexts.nowIntro}</p>
      <h3 className="utrecht-heading-3">{staffMapTexts.nowOpenHeading}</h3>
      {tooFar ? (
        <p className="utrecht-paragraph bs-muted">{staffMapTexts.nowZoomIn}</p>
      ) : points === null ? (
        <p className="utrecht-paragraph bs-muted">{staffMapTexts.loading}</p>
      ) : points.length === 0 ? (
        <p className="utrecht-paragraph bs-muted">{staffMapTexts.nowOpenNone}</p>
      ) : (
        <ul className="bs-now__list">
          {points.map((p) => (
            <li key={p.id}>
              <Link className="utrecht-link" to={`/balie/meldingen/${encodeURIComponent(p.id)}`}>
                {p.reference}
              </Link>{' '}
              {p.category.label}
              {p.subcategory ? ` – ${p.subcategory.label}` : ''}, {p.status.label}
              <br />
              <span className="bs-muted">{formatDateTimeShort(p.happenedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {truncated && points && (
        <p className="utrecht-paragraph">{staffMapTexts.nowOpenCapped(points.length)}</p>
      )}
    </section>
  );
}
