import { categories } from '@buurtsignaal/core';
import { Fragment, type ReactNode } from 'react';
import { SelectField } from '../../ui/fields.tsx';

export interface FilterOption {
  value: string;
  label: string;
}

/** One select of a filter bar; `after` is shown right behind it (e.g. the dates of a custom period). */
export interface SelectFilter {
  id: string;
  label: string;
  value: string;
  options: readonly FilterOption[];
  onValueChange: (value: string) => void;
  after?: ReactNode;
}

/** `options` behind an "all" option with the empty value. */
export const withAll = (allLabel: string, options: readonly FilterOption[]): FilterOption[] => [
  { value: '', label: allLabel },
  ...options,
];

export const categoryOptions: readonly FilterOption[] = categories.map((c) => ({
  value: c.id,
  label: c.label,
}));

/** The filters above a console list or map: a hidden heading, one select per filter, then `children`. */
export function FilterBar({
  headingId,
  heading,
  className = '',
  filters,
  children,
}: {
  headingId: string;
  heading: string;
  className?: string;
  filters: readonly (SelectFilter | false)[];
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className={`bs-staff-filters${className ? ` ${className}` : ''}`}>
      <h2 id={headingId} className="bs-visually-hidden">
        {heading}
      </h2>
      {filters.map(
        (f) =>
          f && (
            <Fragment key={f.id}>
              <SelectField
                id={f.id}
                label={f.label}
                value={f.value}
                options={f.options}
                onValueChange={f.onValueChange}
              />
              {f.after}
            </Fragment>
          ),
      )}
      {children}
    </section>
  );
}
