import { FormFieldDescription } from '@utrecht/form-field-description-react/css';
import { FormField } from '@utrecht/form-field-react/css';
import { FormLabel } from '@utrecht/form-label-react/css';
import { useEffect, useRef, useState } from 'react';
import { formTexts } from '../../texts/index.ts';
import { describedBy, FieldError } from '../../ui/field-error.tsx';
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from '../core.ts';

export function counterText(value: string): string {
  const length = value.trim().length;
  if (length < DESCRIPTION_MIN) return formTexts.details.counterTooShort(DESCRIPTION_MIN - length);
  if (value.length > DESCRIPTION_MAX) return formTexts.details.counterTooMany(value.length - DESCRIPTION_MAX);
  return formTexts.details.counterLeft(DESCRIPTION_MAX - value.length);
}

interface DescriptionFieldProps {
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

/**
 * The description with a live character counter. The visible counter updates on every key; screen
 * readers hear it only when typing pauses (a polite live region), not on every keystroke.
 */
export function DescriptionField({ value, error, onChange }: DescriptionFieldProps) {
  const id = 'description';
  const visible = counterText(value);
  const [announced, setAnnounced] = useState('');
  const initial = useRef(visible);
  useEffect(() => {
    // Nothing to announce before the resident types (the hint already says the limits).
    if (visible === initial.current && announced === '') return;
    const timer = setTimeout(() => setAnnounced(visible), 1200);
    return () => clearTimeout(timer);
  }, [visible, announced]);
  const over = value.length > DESCRIPTION_MAX;
  return (
    <FormField
      type="text"
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{formTexts.details.description}</FormLabel>}
      description={
        <FormFieldDescription id={`${id}-description`}>
          {formTexts.details.descriptionHint(DESCRIPTION_MIN, DESCRIPTION_MAX)}
        </FormFieldDescription>
      }
      errorMessage={<FieldError id={id} error={error} />}
      input={
        <>
          <textarea
            id={id}
            className={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
            rows={6}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, true, error)}
            onChange={(e) => onChange(e.target.value)}
          />
          <p className={`bs-counter${over ? ' bs-counter--over' : ''}`} aria-hidden="true">
            {visible}
          </p>
          <p className="bs-visually-hidden" aria-live="polite" data-testid="description-counter-live">
            {announced}
          </p>
        </>
      }
    />
  );
}
