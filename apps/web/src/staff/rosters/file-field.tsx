import { FormFieldDescription } from '@utrecht/form-field-description-react/css';
import { FormField } from '@utrecht/form-field-react/css';
import { FormLabel } from '@utrecht/form-label-react/css';
import { describedBy, FieldError } from '../../ui/field-error.tsx';

/** A labelled file input (an upload of the console: .ics roster, CBS GeoJSON). */
export function FileField({
  id,
  label,
  description,
  accept,
  error,
  onFile,
}: {
  id: string;
  label: string;
  description?: string;
  accept: string;
  error?: string | undefined;
  onFile: (file: File | null) => void;
}) {
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
        <input
          id={id}
          type="file"
          accept={accept}
          className="bs-file-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, Boolean(description), error)}
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        />
      }
    />
  );
}
