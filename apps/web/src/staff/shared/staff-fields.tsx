import { forwardRef, type ReactNode } from 'react';
import { staffTexts } from '../../texts/index.ts';
import { ErrorSummary, type ErrorSummaryProps } from '../../ui/error-summary.tsx';

/** The app's error summary with the console's heading; `id` is required (a page can hold several forms). */
export const FormErrorSummary = forwardRef<HTMLDivElement, ErrorSummaryProps & { id: string }>(
  function FormErrorSummary(props, ref) {
    return <ErrorSummary ref={ref} heading={staffTexts.errorSummaryHeading} small {...props} />;
  },
);

/** A label with "(niet verplicht)" after it. */
export const optionalLabel = (label: string): ReactNode => (
  <>
    {label} <span className="bs-staff-optional">{staffTexts.optional}</span>
  </>
);
