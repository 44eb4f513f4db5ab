import { formTexts } from '../../texts/index.ts';
import { Advice112, AdviceAnonymous } from '../../ui/advice.tsx';
import { RadioGroup } from '../../ui/fields.tsx';
import type { CategoryId, PublicCategory } from '../core.ts';
import type { StepProps } from './step-props.ts';

interface CategoryStepProps extends StepProps {
  categories: PublicCategory[];
}

export function CategoryStep({ draft, update, errors, category, categories }: CategoryStepProps) {
  const choose = (id: CategoryId) => {
    if (id === draft.category) return;
    // Another category has other questions and subcategories: their answers no longer apply.
    update((d) => {
      const { subcategory: _s, ...rest } = d;
      return { ...rest, category: id, answers: {} };
    });
  };
  return (
    <>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{formTexts.intro}</p>
      <RadioGroup<CategoryId>
        id="category"
        name="category"
        legend={formTexts.category.legend}
        error={errors.category}
        options={categories.map((c) => ({ value: c.id, label: c.label, description: c.description }))}
        value={draft.category}
        onValueChange={choose}
      />
      {category?.show112Advice && <Advice112 />}
      {category?.showAnonymousTipAdvice && <AdviceAnonymous />}
    </>
  );
}
