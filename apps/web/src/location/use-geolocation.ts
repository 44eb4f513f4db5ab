import { useCallback, useEffect, useRef, useState } from 'react';
import { locationTexts } from '../texts/index.ts';

export interface GpsPosition {
  lat: number;
  lng: number;
  accuracy?: number;
}

const OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 };

// GeolocationPositionError codes: 1 PERMISSION_DENIED, 2 POSITION_UNAVAILABLE, 3 TIMEOUT.
export function geolocationMessage(code: number): string {
  if (code === 1) return locationTexts.gpsDenied;
  if (code === 3) return locationTexts.gpsTimeout;
  return locationTexts.gpsUnavailable;
}

/** Asks the browser for one position; `onPosition` is called with it, failures become a Dutch message. */
export function useGeolocation(onPosition: (position: GpsPosition) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const onPositionRef = useRef(onPosition);
  onPositionRef.current = onPosition;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const locate = useCallback(() => {
    if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
      setError(locationTexts.gpsUnsupported);
      return;
    }
    setBusy(true);
    setError(undefined);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        if (!mounted.current) return;
        setBusy(false);
        const { latitude, longitude, accuracy } = pos.coords;
        onPositionRef.current(
          Number.isFinite(accuracy)
            ? { lat: latitude, lng: longitude, accuracy }
            : { lat: latitude, lng: longitude },
        );
      },
      (err) => {
        if (!mounted.current) return;
        setBusy(false);
        setError(geolocationMessage(err.code));
      },
      OPTIONS,
    );
  }, []);

  return { locate, busy, error };
}
