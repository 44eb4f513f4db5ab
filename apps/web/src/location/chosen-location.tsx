import { Button } from '@utrecht/button-react/css';
import type { LocationValue } from './location-types.ts';
import { lt } from './texts-nl.ts';

/** Progress of the lookup of the nearest address for a GPS or map location. */
export type ReverseState = 'idle' | 'busy' | 'failed';

/** The chosen location in words, announced politely, with a way to start over. */
export function ChosenLocation({
  value,
  reverse,
  onClear,
}: {
  value: LocationValue | undefined;
  reverse: ReverseState;
  onClear: () => void;
}) {
  let main: string = lt.nothingChosen;
  if (value?.source === 'address' && value.address) main = lt.chosenAddress(value.address);
  else if (value?.source === 'gps') main = lt.chosenByGps(value.lat, value.lng);
  else if (value) main = lt.chosenOnMap(value.lat, value.lng);
  const nearest = value && value.source !== 'address' && value.address;
  return (
    <div className="bs-location__chosen">
      <div role="status">
        <p className="bs-location__chosen-heading">
          <strong>{lt.chosenHeading}</strong>
        </p>
        <p>{main}</p>
        {nearest && <p>{lt.nearestAddress(nearest)}</p>}
        {value && reverse === 'busy' && <p>{lt.reverseBusy}</p>}
        {value && reverse === 'failed' && <p>{lt.reverseFailed}</p>}
      </div>
      {value && (
        <Button type="button" appearance="subtle-button" onClick={onClear}>
          {lt.clearButton}
        </Button>
      )}
    </div>
  );
}
