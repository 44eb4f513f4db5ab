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
  /** Unique per page where a page holds more than one form (the console); the summary gets this id. */
  id?: string | undefined;
  /** The heading; the public pages' by default. */
  heading?: string | undefined;
  /** A smaller heading (the console's forms sit below the page's own h2s). */
  small?: boolean | undefined;
}

/** The list of problems at the top of a form; each links to (and focuses) its field. */
export const ErrorSummary = forwardRef<HTMLDivElement, ErrorSummaryProps>(function ErrorSummary(
  { errors, idOf = (f) => f, message, id, heading = appTexts.errorSummary.heading, small = false },
  ref,
) {
  const entries = Object.entries(errors);
  const headingId = id ? `${id}-heading` : 'error-summary-heading';
  const onClick = (e: MouseEvent<HTMLAnchorElement>, target: string) => {
    if (focusField(target)) e.preventDefault();
  };
  return (
    <Alert
      ref={ref}
      type="error"
      className="bs-error-summary"
      role="alert"
      aria-labelledby={headingId}
      tabIndex={-1}
      {...(id ? { id } : {})}
    >
      <h2 id={headingId} className={small ? 'utrecht-heading-3' : 'utrecht-heading-2'}>
        {heading}
      </h2>
      {message && <p className="utrecht-paragraph">{message}</p>}
      {entries.length > 0 && (
        <ul className="utrecht-unordered-list">
          {entries.map(([field, msg]) => {
            const target = idOf(field);
            return (
              <li key={field} className="utrecht-unordered-list__item">
                <a className="utrecht-link" href={`#${target}`} onClick={(e) => onClick(e, target)}>
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
