import { formTexts } from '../../texts/index.ts';
import { Advice112 } from '../../ui/advice.tsx';
import { CheckboxGroup, RadioGroup, TextField } from '../../ui/fields.tsx';
import type { PublicQuestion } from '../core.ts';
import type { DraftAnswer } from '../draft.ts';
import { domIdOf } from '../field-keys.ts';

interface QuestionFieldProps {
  question: PublicQuestion;
  value: DraftAnswer | undefined;
  error: string | undefined;
  onChange: (value: DraftAnswer | undefined) => void;
}

/** True when this answer asks for the 112 advice (e.g. "Is het nu aan de gang?" → ja). */
export const triggers112 = (q: PublicQuestion, value: DraftAnswer | undefined): boolean =>
  q.triggers112 !== undefined && value !== undefined && value === q.triggers112.equals;

export function QuestionField({ question: q, value, error, onChange }: QuestionFieldProps) {
  const id = domIdOf(`answers.${q.id}`);
  const label = q.required ? q.label : `${q.label} ${formTexts.details.optional}`;
  switch (q.type) {
    case 'choice':
      return (
        <RadioGroup
          id={id}
          name={id}
          legend={label}
          description={q.help}
          error={error}
          options={q.options}
          value={typeof value === 'string' ? value : undefined}
          onValueChange={onChange}
        />
      );
    case 'multi_choice':
      return (
        <CheckboxGroup
          id={id}
          legend={label}
          description={q.help}
          error={error}
          options={q.options}
          value={Array.isArray(value) ? value : []}
          onValueChange={onChange}
        />
      );
    case 'number':
      return (
        <TextField
          id={id}
          label={label}
          description={[q.help, formTexts.details.numberHint(q.min, q.max)].filter(Boolean).join(' ')}
          error={error}
          value={typeof value === 'string' ? value : ''}
          onValueChange={onChange}
          inputMode="numeric"
          autoComplete="off"
          className="bs-input--short"
          data-min={q.min}
          data-max={q.max}
        />
      );
    case 'boolean':
      return (
        <>
          <RadioGroup<'ja' | 'nee'>
            id={id}
            name={id}
            legend={label}
            description={q.help}
            error={error}
            options={[
              { value: 'ja', label: formTexts.details.yes },
              { value: 'nee', label: formTexts.details.no },
            ]}
            value={value === true ? 'ja' : value === false ? 'nee' : undefined}
            onValueChange={(v) => onChange(v === 'ja')}
          />
          {triggers112(q, value) && <Advice112 />}
        </>
      );
  }
}
