import { Button } from '@utrecht/button-react/css';
import { appTexts, formTexts } from '../../texts/index.ts';
import { Advice112, AdviceAnonymous } from '../../ui/advice.tsx';
import { Alert } from '../../ui/alert.tsx';
import { RadioGroup } from '../../ui/fields.tsx';
import type { CategoryId, PublicCategory } from '../core.ts';
import type { StepProps } from './step-props.ts';

interface CategoryStepProps extends StepProps {
  categories: PublicCategory[] | 'loading' | 'error';
  onRetry: () => void;
}

export function CategoryStep({ draft, update, errors, category, categories, onRetry }: CategoryStepProps) {
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
      {categories === 'loading' && (
        <p className="utrecht-paragraph" role="status">
          {appTexts.loading}
        </p>
      )}
      {categories === 'error' && (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{formTexts.category.loadError}</p>
          <Button type="button" appearance="secondary-action-button" onClick={onRetry}>
            {formTexts.category.retry}
          </Button>
        </Alert>
      )}
      {Array.isArray(categories) && (
        <RadioGroup<CategoryId>
          id="category"
          name="category"
          legend={formTexts.category.legend}
          error={errors.category}
          options={categories.map((c) => ({ value: c.id, label: c.label, description: c.description }))}
          value={draft.category}
          onValueChange={choose}
        />
      )}
      {category?.show112Advice && <Advice112 />}
      {category?.showAnonymousTipAdvice && <AdviceAnonymous />}
    </>
  );
}
