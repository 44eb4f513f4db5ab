import 'leaflet/dist/leaflet.css';
import './insight.css';
import { categories, findWijk, resolutionForZoom, wijkenCollection } from '@buurtsignaal/core';
import type L from 'leaflet';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  GeoJSON,
  MapContainer,
  Pane,
  Polygon,
  TileLayer,
  Tooltip,
  useMap,
  useMapEvents,
  ZoomControl,
} from 'react-leaflet';
import { Link, useSearchParams } from 'react-router';
import { loadWebConfig, type WebConfig } from '../runtime-config.ts';
import { Alert } from '../ui/alert.tsx';
import { TextField } from '../ui/fields.tsx';
import { isCoordinator, StaffApiError } from './api.ts';
import { CellPanel } from './cell-panel.tsx';
import { SelectField } from './controls.tsx';
import { type CellRow, HotspotTable } from './hotspot-table.tsx';
import {
  type ActiveHotspot,
  type CellProfile,
  type GeoPolygon,
  type HotspotFilters,
  type HotspotsResponse,
  insightApi,
} from './insight-api.ts';
import {
  amsterdamStartOfDay,
  formatDate,
  isDate,
  nextDay,
  rangeLabel,
  type ScaleStep,
  scaleSteps,
  stepFor,
} from './insight-format.ts';
import { MeldingClusters } from './melding-clusters.tsx';
import { useSession } from './session.tsx';
import { bt } from './texts-nl.ts';
import { useTitle } from './use-title.ts';

const DAY_MS = 86_400_000;
const DEBOUNCE_MS = 300;
/** The API takes a bbox of at most 1° a side; the map below zoom 11 would be wider on a large screen. */
const MIN_ZOOM = 11;
const MAX_SIDE = 0.999;
/** Count labels on the cells themselves while they stay readable; else on hover/focus. */
const MAX_LABELS = 80;
/** An H3 cell id as the API writes it (15 hex digits); `?cel=` takes nothing else. */
const CELL_ID = /^[0-9a-f]{15}$/;
/** The zoom at which the map shows cells of a resolution (the inverse of `resolutionForZoom`). */
const ZOOM_FOR_RES: Record<number, number> = { 7: 12, 8: 13, 9: 15, 10: 16 };
const LEAFLET_CREDIT = '<a href="https://leafletjs.com">Leaflet</a>';

const PERIODS = ['7', '30', '90', 'custom'] as const;
type Period = (typeof PERIODS)[number];

export const cellLabel = (cell: string): string => cell.replace(/f+$/, '');

/** Where the map should move to once: the centre of a cell opened by a link (`?cel=`). */
interface Target {
  cell: string;
  lat: number;
  lng: number;
  zoom: number;
}

interface View {
  bbox: [number, number, number, number];
  zoom: number;
}

const ring = (polygon: GeoPolygon): [number, number][] =>
  (polygon.coordinates[0] ?? []).map(([lng, lat]) => [lat, lng] as [number, number]);

export default function MapPage() {
  const { session } = useSession();
  const coordinator = isCoordinator(session?.user);
  const [params, setParams] = useSearchParams();
  useTitle(bt.header.map);

  // ---- filters (in the URL, so a view can be shared and survives a reload) ----
  const category = params.get('onderwerp') ?? '';
  const subcategory = params.get('soort') ?? '';
  const period: Period = (PERIODS as readonly string[]).includes(params.get('periode') ?? '')
    ? (params.get('periode') as Period)
    : '30';
  const fromDate = params.get('van') ?? '';
  const toDate = params.get('tot') ?? '';
  const weekday = params.get('dag') ?? '';
  const hour = params.get('uur') ?? '';
  const status = params.get('status') === 'open' ? 'open' : 'all';
  const showWijken = params.get('wijken') === '1';
  const selected = params.get('vak');
  const linked = params.get('cel');

  const setParam = useCallback(
    (changes: Record<string, string | null>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  // "Now" is fixed when the page opens, so that every request of this view asks for the same period.
  const [now] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  const customInvalid =
    period === 'custom' &&
    (fromDate !== '' || toDate !== '') &&
    (!isDate(fromDate) || !isDate(toDate) || fromDate > toDate);

  const { filters, previous } = useMemo(() => {
    let fromMs: number;
    let toMs: number;
    let from: string;
    let to: string;
    if (period === 'custom' && isDate(fromDate) && isDate(toDate) && fromDate <= toDate) {
      from = amsterdamStartOfDay(fromDate);
      to = amsterdamStartOfDay(nextDay(toDate));
      fromMs = Date.parse(from);
      toMs = Date.parse(to);
    } else {
      const days = period === 'custom' ? 30 : Number(period);
      toMs = now;
      fromMs = now - days * DAY_MS;
      from = new Date(fromMs).toISOString();
      to = new Date(toMs).toISOString();
    }
    const base: HotspotFilters = {
      category: category || undefined,
      subcategory: category && subcategory ? subcategory : undefined,
      weekday: weekday ? Number(weekday) : undefined,
      hour: hour ? Number(hour) : undefined,
      status,
    };
    return {
      filters: { ...base, from, to },
      previous: {
        ...base,
        from: new Date(fromMs - (toMs - fromMs)).toISOString(),
        to: from,
      },
    };
  }, [period, fromDate, toDate, now, category, subcategory, weekday, hour, status]);

  // ---- data ----
  const [config, setConfig] = useState<WebConfig['map'] | null>(null);
  const [configFailed, setConfigFailed] = useState(false);
  const [view, setView] = useState<View | null>(null);
  const [data, setData] = useState<HotspotsResponse | null>(null);
  const [before, setBefore] = useState<Map<string, number> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [active, setActive] = useState<ActiveHotspot[]>([]);
  const request = useRef(0);
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

  useEffect(() => {
    loadWebConfig()
      .then((c) => setConfig(c.map))
      .catch(() => setConfigFailed(true));
    insightApi
      .activeHotspots()
      .then((r) => setActive(r.items))
      .catch(() => setActive([]));
  }, []);

  const res = view ? resolutionForZoom(view.zoom) : null;
  const filterKey = JSON.stringify(filters);

  useEffect(() => {
    if (!view || res === null) return;
    const id = ++request.current;
    const current = JSON.parse(filterKey) as HotspotFilters;
    setLoading(true);
    Promise.all([
      insightApi.hotspots(view.bbox, res, current),
      insightApi.hotspots(view.bbox, res, previous).catch(() => null),
    ])
      .then(([now, prev]) => {
        if (id !== request.current) return;
        setData(now);
        setBefore(prev ? new Map(prev.cells.map((c) => [c.cell, c.count])) : null);
        setError(null);
        setAnnounce(bt.map.updated(now.total));
      })
      .catch((err: unknown) => {
        if (id !== request.current) return;
        setError(err instanceof StaffApiError ? err.message : bt.networkError);
      })
      .finally(() => {
        if (id === request.current) setLoading(false);
      });
  }, [view, res, filterKey, previous]);

  const activeByCell = useMemo(() => new Map(active.map((h) => [h.cell, h])), [active]);
  const steps = useMemo(() => scaleSteps(data?.maxCount ?? 0), [data]);

  const rows = useMemo<CellRow[]>(
    () =>
      (data?.cells ?? []).map((c) => {
        const hotspot = activeByCell.get(c.cell);
        return {
          cell: c.cell,
          label: cellLabel(c.cell),
          wijk: findWijk(c.centre.lat, c.centre.lng)?.naam ?? bt.map.outsideWijk,
          count: c.count,
          trend: before ? c.count - (before.get(c.cell) ?? 0) : null,
          hotspotSince: hotspot ? formatDate(hotspot.since) : null,
        };
      }),
    [data, before, activeByCell],
  );

  const select = (cell: string | null) => setParam({ vak: cell });
  const selectedCategory = categories.find((c) => c.id === category);

  return (
    <div className="bs-insight bs-insight--wide">
      <h1 className="utrecht-heading-1">{bt.map.heading}</h1>
      <p className="utrecht-paragraph">{bt.map.intro}</p>
      {coordinator && (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/balie/hotspotregels">
            {bt.map.rulesLink}
          </Link>
        </p>
      )}

      <section aria-labelledby="map-filters-heading" className="bs-balie-filters bs-map-filters">
        <h2 id="map-filters-heading" className="bs-visually-hidden">
          {bt.map.filtersHeading}
        </h2>
        <SelectField
          id="map-category"
          label={bt.map.category}
          value={category}
          options={[
            { value: '', label: bt.map.allCategories },
            ...categories.map((c) => ({ value: c.id, label: c.label })),
          ]}
          onValueChange={(v) => setParam({ onderwerp: v, soort: null })}
        />
        <SelectField
          id="map-subcategory"
          label={bt.map.subcategory}
          value={selectedCategory ? subcategory : ''}
          options={[
            { value: '', label: bt.map.allSubcategories },
            ...(selectedCategory?.subcategories ?? []).map((s) => ({ value: s.id, label: s.label })),
          ]}
          onValueChange={(v) => setParam({ soort: v })}
        />
        <SelectField
          id="map-period"
          label={bt.map.period}
          value={period}
          options={[
            { value: '7', label: bt.map.period7 },
            { value: '30', label: bt.map.period30 },
            { value: '90', label: bt.map.period90 },
            { value: 'custom', label: bt.map.periodCustom },
          ]}
          onValueChange={(v) => setParam({ periode: v === '30' ? null : v })}
        />
        {period === 'custom' && (
          <>
            <TextField
              id="map-from"
              type="date"
              label={bt.map.from}
              value={fromDate}
              error={customInvalid ? bt.map.dateInvalid : undefined}
              onValueChange={(v) => setParam({ van: v })}
            />
            <TextField
              id="map-to"
              type="date"
              label={bt.map.to}
              value={toDate}
              invalid={customInvalid}
              onValueChange={(v) => setParam({ tot: v })}
            />
          </>
        )}
        <SelectField
          id="map-weekday"
          label={bt.map.weekday}
          value={weekday}
          options={[
            { value: '', label: bt.map.allWeekdays },
            ...bt.weekdays.map((d, i) => ({ value: String(i + 1), label: d })),
          ]}
          onValueChange={(v) => setParam({ dag: v })}
        />
        <SelectField
          id="map-hour"
          label={bt.map.hour}
          value={hour}
          options={[
            { value: '', label: bt.map.allHours },
            ...Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: bt.map.hourLabel(h) })),
          ]}
          onValueChange={(v) => setParam({ uur: v })}
        />
        <SelectField
          id="map-status"
          label={bt.map.status}
          value={status}
          options={[
            { value: 'all', label: bt.map.statusAll },
            { value: 'open', label: bt.map.statusOpen },
          ]}
          onValueChange={(v) => setParam({ status: v === 'open' ? 'open' : null })}
        />
        <div className="bs-map-filters__check">
          <input
            id="map-wijken"
            type="checkbox"
            className="bs-checkbox"
            checked={showWijken}
            onChange={(e) => setParam({ wijken: e.target.checked ? '1' : null })}
          />
          <label htmlFor="map-wijken">{bt.map.wijken}</label>
        </div>
      </section>

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
          {configFailed && <p className="utrecht-paragraph">{bt.map.mapError}</p>}
          {!config && !configFailed && <p className="utrecht-paragraph">{bt.map.mapLoading}</p>}
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
            />
          )}
          <p id="map-hint" className="utrecht-paragraph bs-muted bs-map-hint">
            {bt.map.mapHint}
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

      <section aria-labelledby="hotspots-heading" className="bs-section">
        <h2 id="hotspots-heading" className="utrecht-heading-2">
          {bt.map.hotspotsHeading}
        </h2>
        {active.length === 0 ? (
          <p className="utrecht-paragraph bs-muted">{bt.map.hotspotsNone}</p>
        ) : (
          <ul className="bs-hotspot-list">
            {active.map((h) => (
              <li key={h.id}>
                <strong>{h.wijk?.naam ?? bt.map.outsideWijk}</strong>{' '}
                <span>{bt.map.hotspotSince(formatDate(h.since))}</span>
                <br />
                <span className="bs-muted">{bt.map.hotspotRule(h.rule.name, h.lastCount)}</span>{' '}
                <button
                  type="button"
                  className="bs-link-button"
                  onClick={() => {
                    select(h.cell);
                    moveTo(h.cell, h.res, h.centre);
                  }}
                >
                  {bt.map.hotspotShow}
                  <span className="bs-visually-hidden"> {cellLabel(h.cell)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="hotspot-table-heading" className="bs-section">
        <h2 id="hotspot-table-heading" tabIndex={-1} className="utrecht-heading-2">
          {bt.map.tableHeading}
        </h2>
        {data ? (
          <HotspotTable rows={rows} selected={selected} onSelect={select} />
        ) : (
          <p className="utrecht-paragraph">{bt.map.loading}</p>
        )}
      </section>
    </div>
  );
}

function Legend({
  steps,
  data,
  res,
  loading,
}: {
  steps: ScaleStep[];
  data: HotspotsResponse | null;
  res: number | null;
  loading: boolean;
}) {
  return (
    <div className="bs-legend">
      <h2 className="utrecht-heading-3" id="legend-heading">
        {bt.map.legend}
      </h2>
      {data && <p className="utrecht-paragraph">{bt.map.summary(data.total, data.cells.length)}</p>}
      {res !== null && <p className="utrecht-paragraph bs-muted">{bt.map.resolution(res)}</p>}
      {steps.length === 0 ? (
        <p className="utrecht-paragraph bs-muted">{loading ? bt.map.loading : bt.map.legendEmpty}</p>
      ) : (
        <ul className="bs-legend__steps" aria-labelledby="legend-heading">
          {steps.map((s) => (
            <li key={s.min}>
              <span className="bs-legend__swatch" style={{ background: s.colour }} aria-hidden="true" />
              {rangeLabel(s)}
            </li>
          ))}
          <li>
            <span className="bs-legend__swatch bs-legend__swatch--hotspot" aria-hidden="true" />
            {bt.map.legendHotspot}
          </li>
          {data?.meldingen && (
            <li>
              <span className="bs-legend__swatch bs-legend__swatch--point" aria-hidden="true" />
              {bt.map.legendMelding}
            </li>
          )}
        </ul>
      )}
      {data && res !== null && res < 10 && (
        <p className="utrecht-paragraph bs-muted">{bt.map.meldingenHidden}</p>
      )}
      {data?.meldingenTruncated && data.meldingen && (
        <p className="utrecht-paragraph">{bt.map.meldingenCapped(data.meldingen.length)}</p>
      )}
    </div>
  );
}

function HotspotMap({
  config,
  data,
  steps,
  active,
  selected,
  showWijken,
  target,
  onView,
  onSelect,
}: {
  config: WebConfig['map'];
  data: HotspotsResponse | null;
  steps: ScaleStep[];
  active: ActiveHotspot[];
  selected: string | null;
  showWijken: boolean;
  target: Target | null;
  onView: (view: View) => void;
  onSelect: (cell: string) => void;
}) {
  const labels = (data?.cells.length ?? 0) <= MAX_LABELS;
  return (
    <MapContainer
      className="bs-hotspot-map"
      center={config.center}
      zoom={Math.max(MIN_ZOOM, Math.min(config.zoom, config.maxZoom))}
      minZoom={MIN_ZOOM}
      maxZoom={config.maxZoom}
      zoomControl={false}
    >
      <ZoomControl position="topleft" zoomInTitle={bt.map.zoomIn} zoomOutTitle={bt.map.zoomOut} />
      <Named />
      <FollowSize />
      <ViewWatcher onView={onView} />
      <MoveTo target={target} min={MIN_ZOOM} max={config.maxZoom} />
      <TileLayer url={config.tileUrl} attribution={config.attribution} maxZoom={config.maxZoom} />
      {showWijken && (
        <GeoJSON
          data={wijkenCollection as unknown as GeoJSON.FeatureCollection}
          interactive={false}
          style={{ color: '#1a4d80', weight: 2, dashArray: '2 6', fill: false }}
        />
      )}
      {data?.cells.map((c) => {
        const step = stepFor(steps, c.count);
        const isSelected = c.cell === selected;
        return (
          <Polygon
            // Style changes go through pathOptions; only a label mode change needs a new tooltip.
            key={`${c.cell}-${labels}`}
            positions={ring(c.boundary)}
            pathOptions={{
              color: isSelected ? '#000' : '#555',
              weight: isSelected ? 4 : 1,
              fillColor: step?.colour ?? '#fff',
              fillOpacity: 0.7,
            }}
            eventHandlers={{ click: () => onSelect(c.cell) }}
          >
            <Tooltip
              permanent={labels}
              direction="center"
              className={labels ? 'bs-hex-label' : 'bs-hex-tooltip'}
              {...(labels ? {} : { sticky: true })}
            >
              {labels ? String(c.count) : bt.map.cellCount(c.count)}
            </Tooltip>
          </Polygon>
        );
      })}
      {/* Above the cells (overlay pane: 400), below the markers (600): a selected cell's border never hides it. */}
      <Pane name="hotspots" style={{ zIndex: 450, pointerEvents: 'none' }}>
        {active.map((h) => (
          <Polygon
            key={`hotspot-${h.id}`}
            positions={ring(h.boundary)}
            interactive={false}
            className="bs-hotspot-outline"
            pathOptions={{ color: '#000', weight: 4, dashArray: '8 6', fill: false }}
          />
        ))}
      </Pane>
      {data?.meldingen && <MeldingClusters points={data.meldingen} />}
    </MapContainer>
  );
}

/** Moves the map to a cell opened by a link or from the hotspot list (each target once). */
function MoveTo({ target, min, max }: { target: Target | null; min: number; max: number }) {
  const map = useMap();
  useEffect(() => {
    if (!target) return;
    map.setView([target.lat, target.lng], Math.max(min, Math.min(max, target.zoom)), { animate: false });
  }, [map, target, min, max]);
  return null;
}

/** Names the map region for assistive technology (MapContainer passes no aria attributes). */
function Named() {
  const map = useMap();
  useEffect(() => {
    const el = map.getContainer();
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', bt.map.mapLabel);
    el.setAttribute('aria-describedby', 'map-hint');
    map.attributionControl?.setPrefix(LEAFLET_CREDIT);
  }, [map]);
  return null;
}

/** The panel opening next to the map narrows it: tell Leaflet, or it keeps drawing for the old size. */
function FollowSize() {
  const map = useMap();
  useEffect(() => {
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}

function bboxOf(map: L.Map): [number, number, number, number] {
  const b = map.getBounds();
  const c = map.getCenter();
  const half = MAX_SIDE / 2;
  return [
    Math.max(b.getWest(), c.lng - half),
    Math.max(b.getSouth(), c.lat - half),
    Math.min(b.getEast(), c.lng + half),
    Math.min(b.getNorth(), c.lat + half),
  ];
}

/** Reports the view at the start and after every move or zoom, debounced. */
function ViewWatcher({ onView }: { onView: (view: View) => void }) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const map = useMapEvents({
    moveend: () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => onView({ bbox: bboxOf(map), zoom: map.getZoom() }), DEBOUNCE_MS);
    },
  });
  useEffect(() => {
    onView({ bbox: bboxOf(map), zoom: map.getZoom() });
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [map, onView]);
  return null;
}
