import './location.css';
import { isInsideMunicipality } from '@buurtsignaal/core';
import { Button } from '@utrecht/button-react/css';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react/css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadWebConfig, type WebConfig } from '../runtime-config.ts';
import { locationTexts } from '../texts/index.ts';
import { AddressSearch } from './address-search.tsx';
import { ChosenLocation, type ReverseState } from './chosen-location.tsx';
import { LocationMap } from './location-map.tsx';
import type { LocationStepProps, LocationValue } from './location-types.ts';
import { createPdokClient, isAbort, latestOnly, withTimeout } from './pdok-client.ts';
import { type GpsPosition, useGeolocation } from './use-geolocation.ts';
import { WijkPicker } from './wijk-picker.tsx';

type ConfigState = { kind: 'loading' } | { kind: 'ready'; config: WebConfig } | { kind: 'error' };

/** Step "Waar is het?": GPS, an address search and a map, each enough on its own. */
export default function LocationStep({ value, onChange, error, fieldId }: LocationStepProps) {
  const [configState, setConfigState] = useState<ConfigState>({ kind: 'loading' });
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [reverse, setReverse] = useState<ReverseState>('idle');
  const [searchKey, setSearchKey] = useState(0);
  const [mapFailed, setMapFailed] = useState(false);
  const onTilesFailed = useCallback(() => setMapFailed(true), []);
  const focusSearch = useRef(false);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const reverses = useMemo(latestOnly, []);

  useEffect(() => {
    let live = true;
    loadWebConfig().then(
      (config) => live && setConfigState({ kind: 'ready', config }),
      () => live && setConfigState({ kind: 'error' }),
    );
    return () => {
      live = false;
      reverses.cancel();
    };
  }, [reverses]);

  const config = configState.kind === 'ready' ? configState.config : undefined;
  const client = useMemo(
    () =>
      config
        ? createPdokClient(
            config.pdok.locatieserverUrl,
            withTimeout((url, init) => fetch(url, init)),
          )
        : undefined,
    [config],
  );

  const accept = useCallback(
    (candidate: LocationValue) => {
      reverses.cancel();
      setReverse('idle');
      if (!isInsideMunicipality(candidate.lat, candidate.lng)) {
        setRefusal(locationTexts.outsideMunicipality);
        onChangeRef.current(undefined);
        return;
      }
      setRefusal(undefined);
      onChangeRef.current(candidate);
      if (candidate.source === 'address') return;
      setSearchKey((k) => k + 1); // the search box should not keep showing an address chosen earlier
      if (!client) return;
      const signal = reverses.next();
      setReverse('busy');
      client.reverse(candidate.lat, candidate.lng, signal).then(
        (nearest) => {
          if (signal.aborted) return;
          setReverse('idle');
          if (nearest) onChangeRef.current({ ...candidate, address: nearest.address });
        },
        (err: unknown) => {
          if (!isAbort(err, signal)) setReverse('failed');
        },
      );
    },
    [client, reverses],
  );

  const onGps = useCallback((p: GpsPosition) => accept({ ...p, source: 'gps' }), [accept]);
  const gps = useGeolocation(onGps);
  const onPick = useCallback((lat: number, lng: number) => accept({ lat, lng, source: 'map' }), [accept]);

  function clear() {
    reverses.cancel();
    setReverse('idle');
    setRefusal(undefined);
    onChange(undefined);
    focusSearch.current = true;
    setSearchKey((k) => k + 1);
  }

  useEffect(() => {
    if (!focusSearch.current) return;
    focusSearch.current = false;
    document.getElementById(fieldId)?.focus();
  }, [searchKey, fieldId]);

  const errorId = `${fieldId}-fout`;
  const refusalId = `${fieldId}-buiten-gemeente`;
  const errorIds = [error ? errorId : '', refusal ? refusalId : ''].filter(Boolean);
  const hintId = `${fieldId}-kaartuitleg`;

  return (
    <div className={`bs-location${error || refusal ? ' bs-location--invalid' : ''}`}>
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <div role="alert">
        {refusal && <FormFieldErrorMessage id={refusalId}>{refusal}</FormFieldErrorMessage>}
      </div>

      <div className="bs-location__gps">
        <Button type="button" appearance="secondary-action-button" busy={gps.busy} onClick={gps.locate}>
          {locationTexts.gpsButton}
        </Button>
        <div role="status">
          {gps.busy && <p className="bs-location__message">{locationTexts.gpsBusy}</p>}
          {value?.source === 'gps' && value.accuracy !== undefined && (
            <p className="bs-location__message">{locationTexts.gpsAccuracy(Math.round(value.accuracy))}</p>
          )}
        </div>
        {gps.error && (
          <p className="bs-location__message bs-location__message--error" role="alert">
            {gps.error}
          </p>
        )}
      </div>

      <AddressSearch
        key={searchKey}
        inputId={fieldId}
        client={client}
        invalid={errorIds.length > 0}
        errorIds={errorIds}
        onSelect={(p) => accept({ ...p, source: 'address' })}
      />

      {configState.kind === 'error' && (
        <p className="bs-location__message bs-location__message--error" role="alert">
          {locationTexts.mapUnavailable}
        </p>
      )}
      {configState.kind === 'loading' && <p className="bs-location__message">{locationTexts.loading}</p>}
      {config && (
        <div className="bs-location__map-wrap">
          <div role="alert">
            {mapFailed && (
              <p className="bs-location__message bs-location__message--error">{locationTexts.mapFailed}</p>
            )}
          </div>
          <p id={hintId} className="bs-location__message">
            {locationTexts.mapHint}
          </p>
          <LocationMap
            center={config.map.center}
            zoom={config.map.zoom}
            maxZoom={config.map.maxZoom}
            tileUrl={config.map.tileUrl}
            attribution={config.map.attribution}
            position={value}
            follow={value?.source !== 'map'}
            hintId={hintId}
            onPick={onPick}
            onTilesFailed={onTilesFailed}
          />
        </div>
      )}

      <WijkPicker
        key={value?.source === 'wijk' ? 'wijk' : `other-${searchKey}`}
        value={value}
        fieldId={fieldId}
        onChange={(v) => {
          reverses.cancel();
          setReverse('idle');
          setRefusal(undefined);
          onChange(v);
        }}
      />

      <ChosenLocation value={value} reverse={reverse} onClear={clear} />
    </div>
  );
}
