import { wijkenCollection } from '@buurtsignaal/core';
import type L from 'leaflet';
import { useEffect, useRef } from 'react';
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
import type { WebConfig } from '../../runtime-config.ts';
import { staffMapTexts } from '../../texts/index.ts';
import type { ActiveHotspot, GeoPolygon, HotspotsResponse, MeldingPoint } from '../insight-api.ts';
import { type ScaleStep, stepFor } from '../insight-format.ts';
import { MeldingClusters } from '../melding-clusters.tsx';
import { MyPositionLayer } from './my-position-layer.tsx';
import type { MyPosition } from './use-my-position.ts';

const DEBOUNCE_MS = 300;
/** The API takes a bbox of at most 1° a side; the map below zoom 11 would be wider on a large screen. */
const MIN_ZOOM = 11;
const MAX_SIDE = 0.999;
/** Count labels on the cells themselves while they stay readable; else on hover/focus. */
const MAX_LABELS = 80;
const LEAFLET_CREDIT = '<a href="https://leafletjs.com">Leaflet</a>';

/** Where the map should move to once: the centre of a cell opened by a link (`?cel=`). */
export interface Target {
  cell: string;
  lat: number;
  lng: number;
  zoom: number;
}

export interface View {
  bbox: [number, number, number, number];
  zoom: number;
}

const ring = (polygon: GeoPolygon): [number, number][] =>
  (polygon.coordinates[0] ?? []).map(([lng, lat]) => [lat, lng] as [number, number]);

export function HotspotMap({
  config,
  data,
  steps,
  active,
  selected,
  showWijken,
  target,
  onView,
  onSelect,
  me = null,
  points = null,
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
  /** The officer's own position ("Waar ben ik"), shown only here. */
  me?: MyPosition | null;
  /** Meldingen to mark instead of those of `data` (the "Nu" view's open meldingen). */
  points?: MeldingPoint[] | null;
}) {
  const markers = points ?? data?.meldingen ?? null;
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
      <ZoomControl
        position="topleft"
        zoomInTitle={staffMapTexts.zoomIn}
        zoomOutTitle={staffMapTexts.zoomOut}
      />
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
              {labels ? String(c.count) : staffMapTexts.cellCount(c.count)}
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
      {markers && <MeldingClusters points={markers} />}
      {me && <MyPositionLayer position={me} />}
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
    el.setAttribute('aria-label', staffMapTexts.mapLabel);
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
