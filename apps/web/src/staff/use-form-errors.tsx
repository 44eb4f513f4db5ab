import { type ReactNode, useRef, useState } from 'react';
import { asApiError } from './api.ts';
import { FormErrorSummary } from './shared/staff-fields.tsx';

/**
 * The error handling every console form shares: problems found before sending, refusals of the API
 * mapped onto the form's own fields (or its message when it names none), and the error summary at the
 * top that receives focus.
 */
export function useFormErrors<F extends string>(ids: Record<F, string>, summaryId: string) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [message, setMessage] = useState<string | undefined>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusSummary = () => setTimeout(() => summaryRef.current?.focus(), 0);

  /** Shows what was found before sending; true when nothing was. */
  const check = (found: Partial<Record<F, string>>): boolean => {
    setErrors(found);
    setMessage(undefined);
    if (Object.keys(found).length === 0) return true;
    focusSummary();
    return false;
  };

  /** Shows an API refusal at the fields it names, or its message when it names none of ours. */
  const showApiError = (err: unknown): void => {
    const apiErr = asApiError(err);
    const known = Object.fromEntries(
      Object.entries(apiErr.fieldErrors()).filter(([field]) => field in ids),
    ) as Partial<Record<F, string>>;
    setErrors(known);
    setMessage(Object.keys(known).length > 0 ? undefined : apiErr.message);
    focusSummary();
  };

  const summary: ReactNode =
    Object.keys(errors).length > 0 || message ? (
      <FormErrorSummary
        id={summaryId}
        ref={summaryRef}
        errors={errors as Record<string, string>}
        idOf={(f) => ids[f as F] ?? f}
        message={message}
      />
    ) : null;

  return { errors, check, showApiError, summary };
}
