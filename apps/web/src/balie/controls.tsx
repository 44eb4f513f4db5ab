import { FormFieldDescription } from '@utrecht/form-field-description-react/css';
import { FormField } from '@utrecht/form-field-react/css';
import { FormLabel } from '@utrecht/form-label-react/css';
import { forwardRef, type MouseEvent, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { consoleTexts } from '../texts/index.ts';
import { Alert } from '../ui/alert.tsx';
import { describedBy, FieldError } from '../ui/fields.tsx';
import { focusField } from '../ui/focus.ts';

interface SummaryProps {
  /** Unique per page: a page can hold more than one form. */
  id: string;
  errors: Readonly<Record<string, string>>;
  /** Field key → element id. */
  idOf?: (field: string) => string;
  message?: string | undefined;
}

/** The problems of one form; each links to (and focuses) its field. Focus it after a failed submit. */
export const FormErrorSummary = forwardRef<HTMLDivElement, SummaryProps>(function FormErrorSummary(
  { id, errors, idOf = (f) => f, message },
  ref,
) {
  const entries = Object.entries(errors);
  const onClick = (e: MouseEvent<HTMLAnchorElement>, target: string) => {
    if (focusField(target)) e.preventDefault();
  };
  return (
    <Alert
      ref={ref}
      type="error"
      className="bs-error-summary"
      role="alert"
      aria-labelledby={`${id}-heading`}
      tabIndex={-1}
      id={id}
    >
      <h2 id={`${id}-heading`} className="utrecht-heading-3">
        {consoleTexts.errorSummaryHeading}
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

interface SelectFieldProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  value: string;
  options: readonly { value: string; label: string }[];
  onValueChange: (value: string) => void;
  className?: string;
}

export function SelectField({
  id,
  label,
  description,
  error,
  value,
  options,
  onValueChange,
  className,
}: SelectFieldProps) {
  return (
    <FormField
      type="text"
      className={className}
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={
        description ? (
          <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>
        ) : null
      }
      errorMessage={<FieldError id={id} error={error} />}
      input={
        <select
          id={id}
          className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, Boolean(description), error)}
          onChange={(e) => onValueChange(e.target.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      }
    />
  );
}

interface TextareaFieldProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  value: string;
  onValueChange: (value: string) => void;
}

export function TextareaField({
  id,
  label,
  description,
  error,
  value,
  onValueChange,
  rows = 5,
  ...rest
}: TextareaFieldProps) {
  return (
    <FormField
      type="text"
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={
        description ? (
          <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>
        ) : null
      }
      errorMessage={<FieldError id={id} error={error} />}
      input={
        <textarea
          {...rest}
          id={id}
          rows={rows}
          className={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, Boolean(description), error)}
          onChange={(e) => onValueChange(e.target.value)}
        />
      }
    />
  );
}

/** A label with "(niet verplicht)" after it. */
export const optionalLabel = (label: string): ReactNode => (
  <>
    {label} <span className="bs-balie-optional">{consoleTexts.optional}</span>
  </>
);
