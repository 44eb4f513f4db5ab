import 'leaflet.markercluster/dist/MarkerCluster.css';
import L from 'leaflet';
import 'leaflet.markercluster';
import markerIcon from 'leaflet/dist/images/marker-icon.png';
import markerIcon2x from 'leaflet/dist/images/marker-icon-2x.png';
import markerShadow from 'leaflet/dist/images/marker-shadow.png';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { useNavigate } from 'react-router';
import { staffMapTexts } from '../texts/index.ts';
import type { MeldingPoint } from './insight-api.ts';

// Only the lazily loaded map page imports this module, so markercluster never reaches the public form.

// The bundler gives the images their own (hashed) URLs: tell Leaflet's default icon where they are,
// and stop it from prefixing a path it guesses from leaflet.css.
L.Icon.Default.imagePath = '';
L.Icon.Default.mergeOptions({
  iconUrl: markerIcon,
  iconRetinaUrl: markerIcon2x,
  shadowUrl: markerShadow,
});

/** A cluster: its number on the map, and for assistive technology what it is and what a click does. */
function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  const n = cluster.getChildCount();
  const size = n < 10 ? 34 : n < 100 ? 40 : 46;
  const html = document.createElement('span');
  const count = document.createElement('span');
  count.setAttribute('aria-hidden', 'true');
  count.textContent = String(n);
  const name = document.createElement('span');
  name.className = 'bs-visually-hidden';
  name.textContent = staffMapTexts.clusterName(n);
  html.append(count, name);
  return L.divIcon({ html, className: 'bs-cluster', iconSize: L.point(size, size) });
}

/** The popup of one melding: its reference as a link into the console (client-side navigation). */
function popupContent(p: MeldingPoint, go: (to: string) => void): HTMLElement {
  const box = document.createElement('p');
  box.className = 'bs-point-popup';
  const link = document.createElement('a');
  link.className = 'utrecht-link';
  const to = `/balie/meldingen/${encodeURIComponent(p.id)}`;
  link.href = to;
  link.textContent = p.reference;
  link.addEventListener('click', (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    go(to);
  });
  const details = `${p.category.label}${p.subcategory ? ` – ${p.subcategory.label}` : ''}, ${p.status.label}`;
  box.append(link, document.createTextNode(` ${details}`));
  return box;
}

/**
 * The individual meldingen (only sent at the finest resolution, for roles that may see them) as
 * clustered markers. Each marker is named "Melding SOE-…"; the cell panel lists the same meldingen,
 * so the map is never the only way to reach one.
 */
export function MeldingClusters({ points }: { points: MeldingPoint[] }) {
  const map = useMap();
  const navigate = useNavigate();
  const go = useRef(navigate);
  go.current = navigate;
  const group = useRef<L.MarkerClusterGroup | null>(null);
  /** The markers on the map by melding id, and the latest data of each (for its popup). */
  const markers = useRef(new Map<string, L.Marker>());
  const latest = useRef(new Map<string, MeldingPoint>());

  useEffect(() => {
    const layer = L.markerClusterGroup({
      iconCreateFunction: clusterIcon,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      chunkedLoading: true,
      maxClusterRadius: 50,
    });
    group.current = layer;
    map.addLayer(layer);
    return () => {
      map.removeLayer(layer);
      group.current = null;
      markers.current.clear();
    };
  }, [map]);

  // Every move fetches the points again: only add and remove what changed, so that an open popup or an
  // opened-up (spiderfied) cluster stays as it is when its meldingen are still there.
  useEffect(() => {
    const layer = group.current;
    if (!layer) return;
    latest.current = new Map(points.map((p) => [p.id, p]));
    const gone: L.Marker[] = [];
    for (const [id, marker] of markers.current) {
      if (latest.current.has(id)) continue;
      markers.current.delete(id);
      gone.push(marker);
    }
    if (gone.length > 0) layer.removeLayers(gone);
    const added: L.Marker[] = [];
    for (const p of points) {
      if (markers.current.has(p.id)) continue;
      const name = staffMapTexts.meldingMarker(p.reference);
      const marker = L.marker([p.lat, p.lng], { title: name, alt: name }).bindPopup(() =>
        popupContent(latest.current.get(p.id) ?? p, (to) => go.current(to)),
      );
      markers.current.set(p.id, marker);
      added.push(marker);
    }
    if (added.length > 0) layer.addLayers(added);
  }, [points]);

  return null;
}
