import '@utrecht/select-css/dist/index.css';
import { listWijken, wijkCentre } from '@buurtsignaal/core';
import { FormFieldDescription } from '@utrecht/form-field-description-react/css';
import { FormLabel } from '@utrecht/form-label-react/css';
import { useMemo, useState } from 'react';
import { locationTexts } from '../texts/index.ts';
import type { LocationValue } from './location-types.ts';

// The accuracy field cannot hold more than this (core's ACCURACY_MAX).
const ACCURACY_CAP = 10_000;

interface WijkPickerProps {
  value: LocationValue | undefined;
  onChange: (value: LocationValue | undefined) => void;
  fieldId: string;
}

/**
 * The way that always works — no map tiles, no PDOK: the wijk from a list and the place in words.
 * Stored as an approximate location: the wijk's centre, its size as the accuracy, the words as
 * `location.description`.
 */
export function WijkPicker({ value, onChange, fieldId }: WijkPickerProps) {
  const wijken = useMemo(() => [...listWijken()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')), []);
  const current = value?.source === 'wijk' ? value : undefined;
  const [code, setCode] = useState(current?.wijkCode ?? '');
  const [words, setWords] = useState(current?.description ?? '');

  function emit(nextCode: string, nextWords: string) {
    const wijk = wijken.find((w) => w.code === nextCode);
    const centre = wijk ? wijkCentre(wijk.code) : null;
    if (!wijk || !centre) {
      if (current) onChange(undefined);
      return;
    }
    onChange({
      lat: centre.lat,
      lng: centre.lng,
      accuracy: Math.min(ACCURACY_CAP, Math.max(centre.radius, 250)),
      source: 'wijk',
      wijkCode: wijk.code,
      wijkName: wijk.naam,
      description: nextWords,
    });
  }

  const selectId = `${fieldId}-wijk`;
  const wordsId = `${fieldId}-beschrijving`;
  const wordsHint = `${wordsId}-uitleg`;
  return (
    <fieldset className="bs-location__wijk utrecht-form-fieldset">
      <legend className="utrecht-form-fieldset__legend">{locationTexts.wijkLegend}</legend>
      <p className="bs-location__message">{locationTexts.wijkIntro}</p>
      <FormLabel htmlFor={selectId}>{locationTexts.wijkLabel}</FormLabel>
      <select
        id={selectId}
        className="utrecht-select utrecht-select--html-select"
        value={code}
        onChange={(e) => {
          setCode(e.target.value);
          emit(e.target.value, words);
        }}
      >
        <option value="">{locationTexts.wijkChoose}</option>
        {wijken.map((w) => (
          <option key={w.code} value={w.code}>
            {w.naam}
          </option>
        ))}
      </select>
      <FormLabel htmlFor={wordsId}>{locationTexts.placeLabel}</FormLabel>
      <FormFieldDescription id={wordsHint}>{locationTexts.placeHint}</FormFieldDescription>
      <textarea
        id={wordsId}
        className="utrecht-textarea utrecht-textarea--html-textarea"
        aria-describedby={wordsHint}
        rows={3}
        maxLength={300}
        value={words}
        onChange={(e) => {
          setWords(e.target.value);
          emit(code, e.target.value);
        }}
      />
    </fieldset>
  );
}
