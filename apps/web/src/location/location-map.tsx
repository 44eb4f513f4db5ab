import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import markerIcon from 'leaflet/dist/images/marker-icon.png';
import markerIcon2x from 'leaflet/dist/images/marker-icon-2x.png';
import markerShadow from 'leaflet/dist/images/marker-shadow.png';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { MapContainer, Marker, TileLayer, useMap, useMapEvents, ZoomControl } from 'react-leaflet';
import { locationTexts } from '../texts/index.ts';

// Leaflet guesses its icon URLs from its CSS, which fails once bundled: give it Vite's asset URLs.
L.Icon.Default.mergeOptions({ iconUrl: markerIcon, iconRetinaUrl: markerIcon2x, shadowUrl: markerShadow });

// Leaflet's own credit, without its inline flag image, as a plainly underlined link (see location.css).
const LEAFLET_CREDIT = '<a href="https://leafletjs.com">Leaflet</a>';

/** Zoom to which the map moves when the location came from the address search or GPS. */
const FOCUS_ZOOM = 17;

export interface LocationMapProps {
  center: [number, number];
  zoom: number;
  maxZoom: number;
  tileUrl: string;
  attribution: string;
  position: { lat: number; lng: number } | undefined;
  /** Move the map to the position (it came from elsewhere than the map itself). */
  follow: boolean;
  hintId: string;
  onPick: (lat: number, lng: number) => void;
  /** Called once when no tile loads: every tile of the first view failed, or none came in time. */
  onTilesFailed: () => void;
}

/** A tile server that answers nothing within this time counts as unavailable. */
export const TILE_TIMEOUT_MS = 8000;
/** Failed tiles, without a single loaded one, after which the map counts as unavailable. */
const FAILED_TILES = 3;

export function LocationMap(props: LocationMapProps) {
  const { position } = props;
  const tileEvents = useTileWatch(props.onTilesFailed);
  const start: [number, number] = position ? [position.lat, position.lng] : props.center;
  return (
    <MapContainer
      className="bs-location__map"
      center={start}
      zoom={position ? Math.max(props.zoom, FOCUS_ZOOM) : props.zoom}
      maxZoom={props.maxZoom}
      scrollWheelZoom={false}
      zoomControl={false}
    >
      <ZoomControl
        position="topleft"
        zoomInTitle={locationTexts.zoomIn}
        zoomOutTitle={locationTexts.zoomOut}
      />
      <Accessible hintId={props.hintId} />
      <SafeUnmount />
      <TileLayer
        url={props.tileUrl}
        attribution={props.attribution}
        maxZoom={props.maxZoom}
        eventHandlers={tileEvents}
      />
      <ClickToPick onPick={props.onPick} />
      {position && <Pin position={position} onPick={props.onPick} />}
      {position && props.follow && <Follow position={position} maxZoom={props.maxZoom} />}
    </MapContainer>
  );
}

/** Tells once that the tiles do not come: a grey box without a word helps no one. */
function useTileWatch(onFailed: () => void): L.LeafletEventHandlerFnMap {
  const state = useRef({ loaded: false, failed: 0, told: false });
  const onFailedRef = useRef(onFailed);
  onFailedRef.current = onFailed;
  useEffect(() => {
    const timer = setTimeout(() => {
      if (!state.current.loaded && !state.current.told) {
        state.current.told = true;
        onFailedRef.current();
      }
    }, TILE_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, []);
  return useMemo(
    () => ({
      tileload: () => {
        state.current.loaded = true;
      },
      tileerror: () => {
        const s = state.current;
        s.failed += 1;
        if (!s.loaded && !s.told && s.failed >= FAILED_TILES) {
          s.told = true;
          onFailedRef.current();
        }
      },
    }),
    [],
  );
}

/** MapContainer passes no aria attributes to its element, so name the Leaflet container here. */
function Accessible({ hintId }: { hintId: string }) {
  const map = useMap();
  useEffect(() => {
    const el = map.getContainer();
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', locationTexts.mapLabel);
    el.setAttribute('aria-describedby', hintId);
    map.attributionControl?.setPrefix(LEAFLET_CREDIT);
  }, [map, hintId]);
  return null;
}

/**
 * A map removed while it zooms (the resident taps "Volgende" right after GPS or a zoom button) gets
 * Leaflet's zoom-end timer after its panes are gone: "Cannot read properties of undefined (reading
 * '_leaflet_pos')" (Leaflet issues #6813, #8296). Before react-leaflet removes the map — a layout
 * effect's cleanup runs before MapContainer's passive one — stop every animation and end the zoom
 * animation, so that the pending timer finds nothing to do.
 */
function SafeUnmount() {
  const map = useMap();
  useLayoutEffect(
    () => () => {
      map.stop();
      // Private Leaflet state, read by the pending _onZoomTransitionEnd: false makes it a no-op.
      (map as unknown as { _animatingZoom: boolean })._animatingZoom = false;
    },
    [map],
  );
  return null;
}

function ClickToPick({ onPick }: { onPick: LocationMapProps['onPick'] }) {
  useMapEvents({ click: (e) => onPick(e.latlng.lat, e.latlng.lng) });
  return null;
}

function Pin({
  position,
  onPick,
}: Pick<LocationMapProps, 'onPick'> & { position: { lat: number; lng: number } }) {
  const handlers = useMemo<L.LeafletEventHandlerFnMap>(
    () => ({
      dragend: (e) => {
        const { lat, lng } = (e.target as L.Marker).getLatLng();
        onPick(lat, lng);
      },
    }),
    [onPick],
  );
  // keyboard={false}: a keyboard user cannot drag the pin, so it should not be a tab stop either.
  return (
    <Marker
      position={[position.lat, position.lng]}
      draggable
      autoPan
      keyboard={false}
      title={locationTexts.mapMarker}
      alt={locationTexts.mapMarker}
      eventHandlers={handlers}
    />
  );
}

function Follow({ position, maxZoom }: { position: { lat: number; lng: number }; maxZoom: number }) {
  const map = useMap();
  useEffect(() => {
    // Without animation: the resident sees the spot at once, and no animation outlives the step.
    map.setView([position.lat, position.lng], Math.min(maxZoom, Math.max(map.getZoom(), FOCUS_ZOOM)), {
      animate: false,
    });
  }, [map, position.lat, position.lng, maxZoom]);
  return null;
}
