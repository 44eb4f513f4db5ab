import { staffMapTexts } from '../../texts/index.ts';
import type { PositionState } from './use-my-position.ts';

/**
 * The map page's buttons on a phone, above the map: the folded filters (with how many are set),
 * "Waar ben ik" and the "Nu" view.
 */
export function PhoneTools({
  filtersOpen,
  activeFilters,
  onToggleFilters,
  position,
  onLocate,
  now,
  onToggleNow,
}: {
  filtersOpen: boolean;
  activeFilters: number;
  onToggleFilters: () => void;
  position: PositionState;
  onLocate: () => void;
  now: boolean;
  onToggleNow: () => void;
}) {
  return (
    <div className="bs-map-phone">
      <div className="bs-map-phone__tools">
        <button
          type="button"
          className="bs-map-phone__button"
          aria-expanded={filtersOpen}
          aria-controls="map-filters"
          onClick={onToggleFilters}
        >
          {staffMapTexts.filtersToggle}{' '}
          <span className="bs-map-phone__count">({staffMapTexts.filtersActive(activeFilters)})</span>
        </button>
        <button
          type="button"
          className="bs-map-phone__button"
          onClick={onLocate}
          disabled={position.kind === 'locating'}
        >
          {staffMapTexts.locate}
        </button>
        <button type="button" className="bs-map-phone__button" aria-pressed={now} onClick={onToggleNow}>
          {staffMapTexts.now}
        </button>
      </div>
      <p className="bs-map-phone__status" role="status">
        {position.kind === 'locating' && staffMapTexts.locating}
        {position.kind === 'found' && staffMapTexts.located(Math.round(position.position.accuracy))}
        {position.kind === 'failed' && position.message}
      </p>
    </div>
  );
}
