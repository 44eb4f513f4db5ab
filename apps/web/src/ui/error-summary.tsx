import { forwardRef, type MouseEvent } from 'react';
import { appTexts } from '../texts/index.ts';
import { Alert } from './alert.tsx';
import { focusField } from './focus.ts';

export interface ErrorSummaryProps {
  /** Field id → message, in on-screen order. */
  errors: Readonly<Record<string, string>>;
  /** Maps a field key to the id of its element. */
  idOf?: (field: string) => string;
  /** A message that belongs to no field (e.g. from the server). */
  message?: string | undefined;
}

/** The list of problems at the top of a step; each links to (and focuses) its field. */
export const ErrorSummary = forwardRef<HTMLDivElement, ErrorSummaryProps>(function ErrorSummary(
  { errors, idOf = (f) => f, message },
  ref,
) {
  const entries = Object.entries(errors);
  const onClick = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (focusField(id)) e.preventDefault();
  };
  return (
    <Alert
      ref={ref}
      type="error"
      className="bs-error-summary"
      role="alert"
      aria-labelledby="error-summary-heading"
      tabIndex={-1}
    >
      <h2 id="error-summary-heading" className="utrecht-heading-2">
        {appTexts.errorSummary.heading}
      </h2>
      {message && <p className="utrecht-paragraph">{message}</p>}
      {entries.length > 0 && (
        <ul className="utrecht-unordered-list">
          {entries.map(([field, msg]) => {
            const id = idOf(field);
            return (
              <li key={field} className="utrecht-unordered-list__item">
                <a className="utrecht-link" href={`#${id}`} onClick={(e) => onClick(e, id)}>
                  {msg}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </Alert>
  );
});
