// Without zod, so that the web app can render the form's categories from this data before any schema
// (or the API's reply) has loaded; the API sends the same thing (GET /api/v1/categories).
import { type CategoryDefinition, categories } from './categories.ts';
import type { CategoriesResponse } from './intake-schema.ts';

/** What residents may see of the categories: no team or priority. */
export function toPublicCategories(
  definitions: readonly CategoryDefinition[] = categories,
): CategoriesResponse {
  return {
    categories: definitions.map((c) => ({
      id: c.id,
      label: c.label,
      description: c.description,
      show112Advice: c.show112Advice,
      showAnonymousTipAdvice: c.showAnonymousTipAdvice,
      subcategories: c.subcategories.map((s) => ({ id: s.id, label: s.label })),
      questions: c.questions.map((q) => structuredClone(q)),
    })),
  };
}
