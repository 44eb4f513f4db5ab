import { FormFieldDescription } from '@utrecht/form-field-description-react/css';
import { FormLabel } from '@utrecht/form-label-react/css';
import { Textbox } from '@utrecht/textbox-react/css';
import { type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { locationTexts } from '../texts/index.ts';
import {
  type AddressSuggestion,
  isAbort,
  latestOnly,
  type PdokClient,
  type PointWithAddress,
} from './pdok-client.ts';

const DEBOUNCE_MS = 250;
const MIN_CHARS = 2;

interface AddressSearchProps {
  inputId: string;
  client: PdokClient | undefined;
  invalid: boolean;
  /** Ids of the error messages of the whole location field. */
  errorIds: string[];
  onSelect: (point: PointWithAddress) => void;
}

/** An address search after the WAI-ARIA 1.2 combobox pattern (list autocomplete, manual selection). */
export function AddressSearch({ inputId, client, invalid, errorIds, onSelect }: AddressSearchProps) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [suggestions, setSuggestions] = useState<AddressSuggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const searches = useMemo(latestOnly, []);
  const lookups = useMemo(latestOnly, []);

  useEffect(
    () => () => {
      searches.cancel();
      lookups.cancel();
    },
    [searches, lookups],
  );

  useEffect(() => {
    const q = query.trim();
    if (!client || q.length < MIN_CHARS) {
      searches.cancel();
      setSuggestions([]);
      setOpen(false);
      setAnnouncement('');
      return;
    }
    const timer = setTimeout(() => {
      const signal = searches.next();
      client.suggest(q, signal).then(
        (found) => {
          if (signal.aborted) return;
          setFailure(undefined);
          setSuggestions(found);
          setActive(-1);
          setOpen(found.length > 0);
          setAnnouncement(
            found.length > 0 ? locationTexts.suggestionCount(found.length) : locationTexts.noSuggestions,
          );
        },
        (err: unknown) => {
          if (isAbort(err, signal)) return;
          setSuggestions([]);
          setOpen(false);
          setFailure(locationTexts.searchFailed);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, client, searches]);

  function choose(suggestion: AddressSuggestion) {
    setText(suggestion.label);
    setQuery('');
    setOpen(false);
    setActive(-1);
    if (!client) return;
    const signal = lookups.next();
    client.lookup(suggestion.id, signal).then(
      (point) => {
        if (signal.aborted) return;
        if (point) {
          setFailure(undefined);
          onSelect(point);
        } else {
          setFailure(locationTexts.lookupFailed);
        }
      },
      (err: unknown) => {
        if (!isAbort(err, signal)) setFailure(locationTexts.lookupFailed);
      },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = suggestions.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      if (!open) {
        setOpen(true);
        if (event.altKey) return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i < 0 ? (step === 1 ? 0 : count - 1) : (i + step + count) % count));
    } else if (event.key === 'Enter') {
      // Never submit the form from an open list: Enter picks the highlighted address or does nothing.
      if (!open) return;
      event.preventDefault();
      const chosen = suggestions[active];
      if (chosen) choose(chosen);
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        setActive(-1);
      } else if (text !== '') {
        event.preventDefault();
        setText('');
        setQuery('');
      }
    }
  }

  const listId = `${inputId}-suggesties`;
  const descriptionId = `${inputId}-omschrijving`;
  const failureId = `${inputId}-zoekfout`;
  const describedBy = [...errorIds, descriptionId, failure ? failureId : ''].filter(Boolean).join(' ');
  const expanded = open && suggestions.length > 0;

  return (
    <div className="bs-location__search">
      <FormLabel htmlFor={inputId}>{locationTexts.searchLabel}</FormLabel>
      <FormFieldDescription id={descriptionId}>{locationTexts.searchDescription}</FormFieldDescription>
      <div className="bs-location__combobox">
        <Textbox
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={describedBy}
          invalid={invalid}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setQuery(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => suggestions.length > 0 && query !== '' && setOpen(true)}
        />
        <div id={listId} role="listbox" aria-label={locationTexts.searchListLabel} hidden={!expanded}>
          {suggestions.map((s, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection runs through the combobox input
            <div
              key={s.id}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className="bs-location__option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(s)}
            >
              {s.label}
            </div>
          ))}
        </div>
      </div>
      <div className="bs-location__visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {failure && (
        <p id={failureId} className="bs-location__message" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
