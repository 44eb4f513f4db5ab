import { Checkbox } from '@utrecht/checkbox-react/css';
import { Fieldset, FieldsetLegend } from '@utrecht/fieldset-react/css';
import { FormFieldDescription } from '@utrecht/form-field-description-react/css';
import { FormField } from '@utrecht/form-field-react/css';
import { FormLabel } from '@utrecht/form-label-react/css';
import { RadioButton } from '@utrecht/radio-button-react/css';
import { Textbox, type TextboxProps } from '@utrecht/textbox-react/css';
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { describedBy, FieldError } from './field-error.tsx';

/** What every labelled field takes: its id, label, optional description and error, value. */
interface FieldProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  value: string;
  onValueChange: (value: string) => void;
}

/** The NL Design System form field around one control: label, description and error message. */
function LabelledField({
  id,
  label,
  description,
  error,
  className,
  input,
}: Omit<FieldProps, 'value' | 'onValueChange'> & { className?: string | undefined; input: ReactNode }) {
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
      input={input}
    />
  );
}

/** The attributes a field's control gets from the field: its id, and what describes it. */
const controlOf = ({ id, description, error }: FieldProps) => ({
  id,
  'aria-describedby': describedBy(id, Boolean(description), error),
});

interface TextFieldProps extends FieldProps, Omit<TextboxProps, keyof FieldProps | 'onChange' | 'invalid'> {
  /** Marks the input invalid when the error is shown elsewhere (e.g. on its group). */
  invalid?: boolean;
}

export function TextField(props: TextFieldProps) {
  const { id, label, description, error, value, onValueChange, invalid, ...input } = props;
  return (
    <LabelledField
      id={id}
      label={label}
      description={description}
      error={error}
      input={
        <Textbox
          {...input}
          {...controlOf(props)}
          value={value}
          invalid={invalid ?? Boolean(error)}
          onChange={(e) => onValueChange(e.target.value)}
        />
      }
    />
  );
}

interface SelectFieldProps extends FieldProps {
  options: readonly { value: string; label: string }[];
  className?: string;
}

export function SelectField(props: SelectFieldProps) {
  const { error, value, options, onValueChange, className } = props;
  return (
    <LabelledField
      {...props}
      className={className}
      input={
        <select
          {...controlOf(props)}
          className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
          value={value}
          aria-invalid={error ? true : undefined}
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
  extends FieldProps,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, keyof FieldProps | 'onChange'> {}

export function TextareaField(props: TextareaFieldProps) {
  const { id, label, description, error, value, onValueChange, rows = 5, ...rest } = props;
  return (
    <LabelledField
      id={id}
      label={label}
      description={description}
      error={error}
      input={
        <textarea
          {...rest}
          {...controlOf(props)}
          rows={rows}
          className={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          value={value}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onValueChange(e.target.value)}
        />
      }
    />
  );
}

export interface Option<V extends string> {
  value: V;
  label: string;
  description?: string | undefined;
}

interface GroupProps {
  /** id of the group: the error summary links here and focuses its (checked or first) control. */
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}

/** A fieldset with legend, description and error (the NL Design System form fieldset). */
export function FieldGroup({ id, legend, description, error, children }: GroupProps) {
  const ariaDescribedBy = describedBy(id, Boolean(description), error);
  return (
    <Fieldset
      id={id}
      className="bs-group"
      invalid={Boolean(error)}
      {...(ariaDescribedBy ? { 'aria-describedby': ariaDescribedBy } : {})}
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>}
      <FieldError id={id} error={error} />
      <div className="bs-group__options">{children}</div>
    </Fieldset>
  );
}

interface RadioGroupProps<V extends string> extends Omit<GroupProps, 'children'> {
  name: string;
  options: readonly Option<V>[];
  value: V | undefined;
  onValueChange: (value: V) => void;
  /** Content shown right after an option (e.g. the date fields after "Eerder"). */
  after?: Partial<Record<V, ReactNode>>;
}

export function RadioGroup<V extends string>({
  name,
  options,
  value,
  onValueChange,
  after,
  ...group
}: RadioGroupProps<V>) {
  return (
    <FieldGroup {...group}>
      {options.map((o) => {
        const optionId = `${group.id}-${o.value || 'none'}`;
        return (
          <div key={o.value} className="bs-option-wrap">
            <FormField type="radio" className="bs-option">
              <RadioButton
                id={optionId}
                name={name}
                value={o.value}
                checked={value === o.value}
                invalid={Boolean(group.error)}
                aria-describedby={o.description ? `${optionId}-description` : undefined}
                onChange={() => onValueChange(o.value)}
              />
              <div className="bs-option__text">
                <FormLabel htmlFor={optionId} type="radio" checked={value === o.value}>
                  {o.label}
                </FormLabel>
                {o.description && (
                  <FormFieldDescription id={`${optionId}-description`}>{o.description}</FormFieldDescription>
                )}
              </div>
            </FormField>
            {value === o.value && after?.[o.value]}
          </div>
        );
      })}
    </FieldGroup>
  );
}

interface CheckboxGroupProps extends Omit<GroupProps, 'children'> {
  options: readonly Option<string>[];
  value: readonly string[];
  onValueChange: (value: string[]) => void;
}

export function CheckboxGroup({ options, value, onValueChange, ...group }: CheckboxGroupProps) {
  const toggle = (v: string, on: boolean) =>
    onValueChange(
      on
        ? options.map((o) => o.value).filter((x) => x === v || value.includes(x))
        : value.filter((x) => x !== v),
    );
  return (
    <FieldGroup {...group}>
      {options.map((o) => {
        const optionId = `${group.id}-${o.value}`;
        return (
          <FormField key={o.value} type="checkbox" className="bs-option">
            <Checkbox
              id={optionId}
              checked={value.includes(o.value)}
              invalid={Boolean(group.error)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <div className="bs-option__text">
              <FormLabel htmlFor={optionId} type="checkbox" checked={value.includes(o.value)}>
                {o.label}
              </FormLabel>
            </div>
          </FormField>
        );
      })}
    </FieldGroup>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: string;
  description?: string;
  checked: boolean;
  disabled?: boolean;
  error?: string | undefined;
  onValueChange: (checked: boolean) => void;
}

export function CheckboxField({
  id,
  label,
  description,
  checked,
  disabled,
  error,
  onValueChange,
}: CheckboxFieldProps) {
  return (
    <FormField type="checkbox" className="bs-option" invalid={Boolean(error)}>
      <Checkbox
        id={id}
        checked={checked}
        disabled={disabled}
        invalid={Boolean(error)}
        aria-describedby={describedBy(id, Boolean(description), error)}
        onChange={(e) => onValueChange(e.target.checked)}
      />
      <div className="bs-option__text">
        <FormLabel htmlFor={id} type="checkbox" checked={checked} disabled={disabled ?? false}>
          {label}
        </FormLabel>
        {description && <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>}
        <FieldError id={id} error={error} />
      </div>
    </FormField>
  );
}
