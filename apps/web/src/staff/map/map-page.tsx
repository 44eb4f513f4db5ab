import 'leaflet/dist/leaflet.css';
import '../insight.css';
import { findWijk } from '@buurtsignaal/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { staffMapTexts, staffTexts } from '../../texts/index.ts';
import { Alert } from '../../ui/alert.tsx';
import { isCoordinator } from '../api.ts';
import { CellPanel } from '../cell-panel.tsx';
import { type CellRow, HotspotTable } from '../hotspot-table.tsx';
import type { CellProfile } from '../insight-api.ts';
import { formatDate, scaleSteps } from '../insight-format.ts';
import { useSession } from '../session.tsx';
import { useTitle } from '../use-title.ts';
import { HotspotMap, type Target, type View } from './hotspot-map.tsx';
import { Legend } from './legend.tsx';
import { MapFilters } from './map-filters.tsx';
import { NowPanel, nowInAmsterdam, useOpenAround } from './now-view.tsx';
import { PhoneTools } from './phone-tools.tsx';
import { useHotspotFilters } from './use-hotspot-filters.ts';
import { useHotspots, useMapBasics } from './use-hotspots.ts';
import { useMyPosition } from './use-my-position.ts';
import { usePhone } from './use-phone.ts';

/** An H3 cell id as the API writes it (15 hex digits); `?cel=` takes nothing else. */
const CELL_ID = /^[0-9a-f]{15}$/;
/** The zoom at which the map shows cells of a resolution (the inverse of `resolutionForZoom`). */
const ZOOM_FOR_RES: Record<number, number> = { 7: 12, 8: 13, 9: 15, 10: 16 };

export const cellLabel = (cell: string): string => cell.replace(/f+$/, '');

export default function MapPage() {
  const { session } = useSession();
  const coordinator = isCoordinator(session?.user);
  useTitle(staffTexts.header.map);
  const f = useHotspotFilters();
  const { selected, linked, setParam, filters, previous, showWijken } = f;

  const { config, configFailed, active } = useMapBasics();
  const [view, setView] = useState<View | null>(null);
  const { res, data, before, loading, error } = useHotspots(view, filters, previous);
  // On a phone the map comes first: the filters fold away, "Waar ben ik" and "Nu" sit above the map.
  const phone = usePhone();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const { state: position, locate } = useMyPosition();
  const open = useOpenAround(view, f.nowView);
  const toggleNow = () => {
    if (f.nowView) {
      setParam({ nu: null, dag: null, uur: null });
      return;
    }
    const now = nowInAmsterdam();
    setParam({ nu: '1', dag: String(now.weekday), uur: String(now.hour) });
  };
  const announce = data ? staffMapTexts.updated(data.total) : '';
  // A link into the map on one cell (the queue's "nieuwe hotspot" notice: `?cel=<cell>`): that cell
  // becomes the selected one, so its panel opens, and the map moves to it once its centre is known.
  const [centreOn, setCentreOn] = useState<string | null>(null);
  const [target, setTarget] = useState<Target | null>(null);

  useEffect(() => {
    if (linked === null) return;
    const cell = linked.trim().toLowerCase();
    if (CELL_ID.test(cell)) {
      setCentreOn(cell);
      setParam({ cel: null, vak: cell });
    } else {
      setParam({ cel: null });
    }
  }, [linked, setParam]);

  const moveTo = useCallback((cell: string, res: number, centre: { lat: number; lng: number }) => {
    setTarget({ cell, lat: centre.lat, lng: centre.lng, zoom: ZOOM_FOR_RES[res] ?? 15 });
  }, []);

  const onProfile = useCallback(
    (profile: CellProfile) => {
      if (profile.cell !== centreOn) return;
      setCentreOn(null);
      moveTo(profile.cell, profile.res, profile.centre);
    },
    [centreOn, moveTo],
  );

  const activeByCell = useMemo(() => new Map(active.map((h) => [h.cell, h])), [active]);
  const steps = useMemo(() => scaleSteps(data?.maxCount ?? 0), [data]);

  const rows = useMemo<CellRow[]>(
    () =>
      (data?.cells ?? []).map((c) => {
        const hotspot = activeByCell.get(c.cell);
        return {
          cell: c.cell,
          label: cellLabel(c.cell),
          wijk: findWijk(c.centre.lat, c.centre.lng)?.naam ?? staffMapTexts.outsideWijk,
          count: c.count,
          trend: before ? c.count - (before.get(c.cell) ?? 0) : null,
          hotspotSince: hotspot ? formatDate(hotspot.since) : null,
        };
      }),
    [data, before, activeByCell],
  );

  const select = (cell: string | null) => setParam({ vak: cell });

  return (
    <div className="bs-insight bs-insight--wide">
      <h1 className="utrecht-heading-1">{staffMapTexts.heading}</h1>
      <p className="utrecht-paragraph bs-map-intro">{staffMapTexts.intro}</p>
      {coordinator && (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/balie/hotspotregels">
            {staffMapTexts.rulesLink}
          </Link>
        </p>
      )}

      {phone && (
        <PhoneTools
          filtersOpen={filtersOpen}
          activeFilters={f.activeCount}
          onToggleFilters={() => setFiltersOpen((o) => !o)}
          position={position}
          onLocate={locate}
          now={f.nowView}
          onToggleNow={toggleNow}
        />
      )}
      <div id="map-filters" hidden={phone && !filtersOpen}>
        <MapFilters f={f} />
      </div>

      <p className="bs-visually-hidden" role="status">
        {announce}
      </p>
      {error && (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}

      <div className={`bs-map-layout${selected ? ' bs-map-layout--panel' : ''}`}>
        <div className="bs-map-layout__map">
          {configFailed && <p className="utrecht-paragraph">{staffMapTexts.mapError}</p>}
          {!config && !configFailed && <p className="utrecht-paragraph">{staffMapTexts.mapLoading}</p>}
          {config && (
            <HotspotMap
              config={config}
              data={data}
              steps={steps}
              active={active}
              selected={selected}
              showWijken={showWijken}
              target={target}
              onView={setView}
              onSelect={select}
              me={position.kind === 'found' ? position.position : null}
              points={f.nowView ? (open.points ?? []) : null}
            />
          )}
          <p id="map-hint" className="utrecht-paragraph bs-muted bs-map-hint">
            {staffMapTexts.mapHint}
          </p>
          <Legend steps={steps} data={data} res={res} loading={loading} />
        </div>
        {selected && (
          <div className="bs-map-layout__panel">
            <CellPanel
              cell={selected}
              label={cellLabel(selected)}
              filters={filters}
              onProfile={onProfile}
              onClose={() => {
                select(null);
                document.getElementById('hotspot-table-heading')?.focus();
              }}
            />
          </div>
        )}
      </div>

      {f.nowView && f.weekday && f.hour && (
        <NowPanel
          weekday={Number(f.weekday)}
          hour={Number(f.hour)}
          points={open.points}
          tooFar={open.tooFar}
          truncated={open.truncated}
        />
      )}

      <section aria-labelledby="hotspots-heading" className="bs-section">
        <h2 id="hotspots-heading" className="utrecht-heading-2">
          {staffMapTexts.hotspotsHeading}
        </h2>
        {active.length === 0 ? (
          <p className="utrecht-paragraph bs-muted">{staffMapTexts.hotspotsNone}</p>
        ) : (
          <ul className="bs-hotspot-list">
            {active.map((h) => (
              <li key={h.id}>
                <strong>{h.wijk?.naam ?? staffMapTexts.outsideWijk}</strong>{' '}
                <span>{staffMapTexts.hotspotSince(formatDate(h.since))}</span>
                <br />
                <span className="bs-muted">{staffMapTexts.hotspotRule(h.rule.name, h.lastCount)}</span>{' '}
                <button
                  type="button"
                  className="bs-link-button"
                  onClick={() => {
                    select(h.cell);
                    moveTo(h.cell, h.res, h.centre);
                  }}
                >
                  {staffMapTexts.hotspotShow}
                  <span className="bs-visually-hidden"> {cellLabel(h.cell)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="hotspot-table-heading" className="bs-section">
        <h2 id="hotspot-table-heading" tabIndex={-1} className="utrecht-heading-2">
          {staffMapTexts.tableHeading}
        </h2>
        {data ? (
          <HotspotTable rows={rows} selected={selected} onSelect={select} />
        ) : (
          <p className="utrecht-paragraph">{staffMapTexts.loading}</p>
        )}
      </section>
    </div>
  );
}
