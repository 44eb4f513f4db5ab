import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react/css';

/** The ids a field's description and error get, joined for aria-describedby. */
export function describedBy(
  id: string,
  hasDescription: boolean,
  error: string | undefined,
): string | undefined {
  const ids = [hasDescription ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <FormFieldErrorMessage id={`${id}-error`}>
      <span className="bs-visually-hidden">Fout: </span>
      {error}
    </FormFieldErrorMessage>
  );
}
