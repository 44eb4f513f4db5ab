import { useCallback, useState } from 'react';
import { staffMapTexts } from '../../texts/index.ts';

export interface MyPosition {
  lat: number;
  lng: number;
  /** Radius in metres within which the device says it is. */
  accuracy: number;
}

export type PositionState =
  | { kind: 'idle' }
  | { kind: 'locating' }
  | { kind: 'found'; position: MyPosition }
  | { kind: 'failed'; message: string };

/**
 * "Waar ben ik": the officer's own position, asked of the device when the button is pressed. It lives in
 * this component's state only — never in the URL, storage or any request — and is gone with the page.
 */
export function useMyPosition() {
  const [state, setState] = useState<PositionState>({ kind: 'idle' });
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setState({ kind: 'failed', message: staffMapTexts.locateUnsupported });
      return;
    }
    setState({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (p) =>
        setState({
          kind: 'found',
          position: { lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy },
        }),
      (e) =>
        setState({
          kind: 'failed',
          message: e.code === e.PERMISSION_DENIED ? staffMapTexts.locateDenied : staffMapTexts.locateFailed,
        }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  }, []);
  return { state, locate };
}

/**
 * Where the map moves to for a position: the position on a grid of 0.005° (about 550 × 340 m here), so
 * that the map view the page then fetches (its bbox) tells the server no more than the neighbourhood.
 */
export const gridCentre = (p: { lat: number; lng: number }): { lat: number; lng: number } => ({
  lat: Math.round(p.lat * 200) / 200,
  lng: Math.round(p.lng * 200) / 200,
});
