import { categories } from '@buurtsignaal/core';
import { useMutation } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { SelectField } from '../../ui/fields.tsx';
import { useFormErrors } from '../use-form-errors.tsx';

/**
 * The save every console form shares: problems found before sending shown in the summary, then one
 * mutation that sends; the API's refusal lands at the fields it names, success goes to `onSaved`.
 */
export function useSaveForm<F extends string, I, R>(
  ids: Record<F, string>,
  summaryId: string,
  save: (input: I) => Promise<R>,
  onSaved: (result: R, input: I) => void | Promise<void>,
) {
  const { errors, check, showApiError, summary } = useFormErrors(ids, summaryId);
  const mutation = useMutation({ mutationFn: save, onSuccess: onSaved, onError: showApiError });
  /** Sends `input` when nothing was found (and there is an input). */
  const submit = (found: Partial<Record<F, string>>, input: I | null): void => {
    if (check(found) && input !== null) mutation.mutate(input);
  };
  return { errors, summary, pending: mutation.isPending, submit };
}

/** The form's buttons: save (busy while sending) and, when editing, cancel. */
export function SaveButtons({
  pending,
  label,
  cancelLabel,
  onCancel,
  secondary = false,
}: {
  pending: boolean;
  label: string;
  cancelLabel?: string | undefined;
  onCancel?: (() => void) | undefined;
  /** A form beside the page's main action (a note on a melding) saves with a secondary button. */
  secondary?: boolean;
}) {
  return (
    <div className="utrecht-button-group">
      <Button
        type="submit"
        appearance={secondary ? 'secondary-action-button' : 'primary-action-button'}
        busy={pending}
        disabled={pending}
      >
        {label}
      </Button>
      {onCancel && cancelLabel && (
        <Button type="button" appearance="subtle-button" onClick={onCancel}>
          {cancelLabel}
        </Button>
      )}
    </div>
  );
}

/** A category select whose first option is "all categories" (the empty value). */
interface CategoryFieldProps {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  onValueChange: (value: string) => void;
}

/** The categories; with `anyLabel` first an option for every category (empty value). */
export function CategorySelect({ anyLabel, ...field }: CategoryFieldProps & { anyLabel?: string }) {
  const options = categories.map((c) => ({ value: c.id, label: c.label }));
  return (
    <SelectField
      {...field}
      options={anyLabel === undefined ? options : [{ value: '', label: anyLabel }, ...options]}
    />
  );
}

/** The subcategories of `category`, after an option for all of them (empty value). */
export function SubcategorySelect({
  category,
  anyLabel,
  ...field
}: CategoryFieldProps & { category: string; anyLabel: string }) {
  const subcategories = categories.find((c) => c.id === category)?.subcategories ?? [];
  return (
    <SelectField
      {...field}
      options={[
        { value: '', label: anyLabel },
        ...subcategories.map((s) => ({ value: s.id, label: s.label })),
      ]}
    />
  );
}
