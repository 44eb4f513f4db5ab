import { useEffect } from 'react';
import { Circle, CircleMarker, Tooltip, useMap } from 'react-leaflet';
import { staffMapTexts } from '../../texts/index.ts';
import { gridCentre, type MyPosition } from './use-my-position.ts';

/** Zoom at which "Waar ben ik" shows the surroundings (small cells, and the open meldingen). */
const LOCATE_ZOOM = 15;

/**
 * The officer's own position: a dot and the circle of its accuracy. The map moves to the grid point
 * near it (see gridCentre), never to the position itself, because the view is what the page fetches.
 */
export function MyPositionLayer({ position }: { position: MyPosition }) {
  const map = useMap();
  useEffect(() => {
    const centre = gridCentre(position);
    map.setView([centre.lat, centre.lng], Math.max(map.getZoom(), LOCATE_ZOOM), { animate: false });
  }, [map, position]);
  return (
    <>
      <Circle
        center={[position.lat, position.lng]}
        radius={position.accuracy}
        interactive={false}
        pathOptions={{ color: '#1a4d80', weight: 1, fillColor: '#1a4d80', fillOpacity: 0.12 }}
      />
      <CircleMarker
        center={[position.lat, position.lng]}
        radius={8}
        className="bs-my-position"
        pathOptions={{ color: '#fff', weight: 3, fillColor: '#1a4d80', fillOpacity: 1 }}
      >
        <Tooltip>{staffMapTexts.myPosition}</Tooltip>
      </CircleMarker>
    </>
  );
}
