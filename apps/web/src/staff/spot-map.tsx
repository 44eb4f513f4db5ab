import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import markerIcon from 'leaflet/dist/images/marker-icon.png';
import markerIcon2x from 'leaflet/dist/images/marker-icon-2x.png';
import markerShadow from 'leaflet/dist/images/marker-shadow.png';
import { useEffect, useState } from 'react';
import { MapContainer, Marker, TileLayer, useMap } from 'react-leaflet';
import { loadWebConfig, type WebConfig } from '../runtime-config.ts';
import { staffDetailTexts } from '../texts/index.ts';

const icon = L.icon({
  iconUrl: markerIcon,
  iconRetinaUrl: markerIcon2x,
  shadowUrl: markerShadow,
  iconSize: [25, 41],
  iconAnchor: [12, 41],
  shadowSize: [41, 41],
});

const LEAFLET_CREDIT = '<a href="https://leafletjs.com">Leaflet</a>';

/** A small, still map of the spot: no dragging or zooming, just where it is. */
export default function SpotMap({
  lat,
  lng,
  label = staffDetailTexts.mapLabel,
  marker = staffDetailTexts.mapMarker,
}: {
  lat: number;
  lng: number;
  /** The map's name (a region) and the marker's, when it shows another spot than a melding's. */
  label?: string;
  marker?: string;
}) {
  const [config, setConfig] = useState<WebConfig['map'] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadWebConfig()
      .then((c) => setConfig(c.map))
      .catch(() => setFailed(true));
  }, []);
  if (failed) return <p className="utrecht-paragraph bs-muted">{staffDetailTexts.mapError}</p>;
  if (!config) return <p className="utrecht-paragraph bs-muted">{staffDetailTexts.mapLoading}</p>;
  return (
    <MapContainer
      className="bs-staff-map"
      center={[lat, lng]}
      zoom={Math.min(config.maxZoom, 17)}
      maxZoom={config.maxZoom}
      dragging={false}
      touchZoom={false}
      doubleClickZoom={false}
      scrollWheelZoom={false}
      boxZoom={false}
      keyboard={false}
      zoomControl={false}
    >
      <Named label={label} />
      <TileLayer url={config.tileUrl} attribution={config.attribution} maxZoom={config.maxZoom} />
      <Marker
        position={[lat, lng]}
        icon={icon}
        interactive={false}
        keyboard={false}
        title={marker}
        alt={marker}
      />
    </MapContainer>
  );
}

function Named({ label }: { label: string }) {
  const map = useMap();
  useEffect(() => {
    const el = map.getContainer();
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', label);
    map.attributionControl?.setPrefix(LEAFLET_CREDIT);
  }, [map, label]);
  return null;
}
