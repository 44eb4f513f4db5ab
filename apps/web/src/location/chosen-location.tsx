import { Button } from '@utrecht/button-react/css';
import { locationTexts } from '../texts/index.ts';
import type { LocationValue } from './location-types.ts';

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
  let main: string = locationTexts.nothingChosen;
  if (value?.source === 'address' && value.address) main = locationTexts.chosenAddress(value.address);
  else if (value?.source === 'wijk') {
    main = locationTexts.chosenApproximate(value.wijkName ?? '', value.description ?? '');
  } else if (value?.source === 'gps') main = locationTexts.chosenByGps(value.lat, value.lng);
  else if (value) main = locationTexts.chosenOnMap(value.lat, value.lng);
  const nearest = value && value.source !== 'address' && value.address;
  return (
    <div className="bs-location__chosen">
      <div role="status">
        <p className="bs-location__chosen-heading">
          <strong>{locationTexts.chosenHeading}</strong>
        </p>
        <p>{main}</p>
        {nearest && <p>{locationTexts.nearestAddress(nearest)}</p>}
        {value && reverse === 'busy' && <p>{locationTexts.reverseBusy}</p>}
        {value && reverse === 'failed' && <p>{locationTexts.reverseFailed}</p>}
      </div>
      {value && (
        <Button type="button" appearance="subtle-button" onClick={onClear}>
          {locationTexts.clearButton}
        </Button>
      )}
    </div>
  );
}
