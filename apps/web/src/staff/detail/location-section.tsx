import { lazy, Suspense } from 'react';
import { staffDetailTexts } from '../../texts/index.ts';
import type { MeldingDetail } from '../api.ts';

const SpotMap = lazy(() => import('../spot-map.tsx'));

/** `geo:` opens the phone's own maps app; Android's wants the point again as `q` to drop a pin. */
export function geoUri(lat: number, lng: number): string {
  const point = `${lat.toFixed(6)},${lng.toFixed(6)}`;
  return `geo:${point}?q=${point}`;
}

function AddressLine({ melding: m }: { melding: MeldingDetail }) {
  if (m.location.description !== null) {
    return (
      <p className="utrecht-paragraph">
        <strong>{staffDetailTexts.approximate(m.wijk?.naam, m.location.description)}</strong>
      </p>
    );
  }
  const approx = m.approximateAddress;
  if (m.address !== null || approx === null) {
    return (
      <p className="utrecht-paragraph">
        <strong>{staffDetailTexts.address}:</strong> {m.address ?? staffDetailTexts.noAddress}
      </p>
    );
  }
  if (approx.state !== 'found' || approx.streetAndNumber === null) {
    return (
      <p className="utrecht-paragraph">
        <strong>{staffDetailTexts.address}:</strong>{' '}
        {approx.state === 'pending'
          ? staffDetailTexts.approximatePending
          : staffDetailTexts.approximateUnknown}
      </p>
    );
  }
  const place = [approx.postcode, approx.woonplaats].filter(Boolean).join(' ');
  return (
    <p className="utrecht-paragraph" data-testid="approximate-address">
      <strong>{staffDetailTexts.address}:</strong> {approx.streetAndNumber}
      {place ? `, ${place}` : ''}
      <span className="bs-muted"> — {staffDetailTexts.approximateAddress(m.location.accuracy !== null)}</span>
    </p>
  );
}

/** Where: the address (given, or looked up near the point), the coordinates, the map and a maps-app link. */
export function LocationSection({ melding: m }: { melding: MeldingDetail }) {
  return (
    <section className="bs-section" aria-labelledby="location-heading">
      <h2 id="location-heading" className="utrecht-heading-2">
        {staffDetailTexts.location}
      </h2>
      <AddressLine melding={m} />
      <p className="utrecht-paragraph bs-muted">
        {staffDetailTexts.coordinates(m.location.lat, m.location.lng, m.location.accuracy)}
      </p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link bs-staff-geo-link" href={geoUri(m.location.lat, m.location.lng)}>
          {staffDetailTexts.openInMaps}
        </a>
      </p>
      <Suspense fallback={<p className="utrecht-paragraph bs-muted">{staffDetailTexts.mapLoading}</p>}>
        <SpotMap lat={m.location.lat} lng={m.location.lng} />
      </Suspense>
    </section>
  );
}
