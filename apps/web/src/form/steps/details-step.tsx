import { formTexts } from '../../texts/index.ts';
import { RadioGroup } from '../../ui/fields.tsx';
import type { DraftAnswer } from '../draft.ts';
import { DescriptionField } from './description-field.tsx';
import { OccurredField } from './occurred-field.tsx';
import { PhotoField } from './photo-field.tsx';
import { QuestionField } from './question-field.tsx';
import type { StepProps } from './step-props.ts';

export function DetailsStep({ draft, update, errors, category }: StepProps) {
  const setAnswer = (id: string, value: DraftAnswer | undefined) =>
    update((d) => {
      const { [id]: _old, ...answers } = d.answers;
      return { ...d, answers: value === undefined ? answers : { ...answers, [id]: value } };
    });
  return (
    <>
      {category && category.subcategories.length > 0 && (
        <RadioGroup
          id="subcategory"
          name="subcategory"
          legend={`${formTexts.details.subcategoryLegend} ${formTexts.details.optional}`}
          error={errors.subcategory}
          options={[
            ...category.subcategories.map((s) => ({ value: s.id, label: s.label })),
            { value: '', label: formTexts.details.subcategoryNone },
          ]}
          value={draft.subcategory}
          onValueChange={(subcategory) => update({ subcategory })}
        />
      )}
      {category?.questions.map((q) => (
        <QuestionField
          key={q.id}
          question={q}
          value={draft.answers[q.id]}
          error={errors[`answers.${q.id}`]}
          onChange={(v) => setAnswer(q.id, v)}
        />
      ))}
      <DescriptionField
        value={draft.description}
        error={errors.description}
        onChange={(description) => update({ description })}
      />
      <OccurredField draft={draft} error={errors.occurredAt} onChange={(change) => update(change)} />
      <PhotoField
        photos={draft.photos}
        error={errors.photos}
        onChange={(fn) => update((d) => ({ ...d, photos: fn(d.photos) }))}
      />
    </>
  );
}
