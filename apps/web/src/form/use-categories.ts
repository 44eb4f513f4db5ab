import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublicCategory } from './core.ts';
import { toPublicCategories } from './core-data.ts';

/** The categories as this build's core defines them: what the API sends unless it has changed since. */
const builtIn: PublicCategory[] = toPublicCategories().categories;

/**
 * The categories for the form. Step 1 renders at once from the built-in list; the API's list (GET
 * /api/v1/categories, the source of truth, validated by the contract's schema) is asked for as soon as
 * the resident starts (`wanted`: a category is chosen or a draft restored) and replaces it when it
 * arrives. That request brings zod with it, so it is not made before the resident acts: the first
 * screen loads neither. When the API cannot be reached, the copy kept from an earlier visit or the
 * built-in list stays.
 */
export function useCategories(wanted: boolean): PublicCategory[] {
  const [categories, setCategories] = useState<PublicCategory[]>(builtIn);
  const asked = useRef(false);
  const ask = useCallback(() => {
    if (asked.current) return;
    asked.current = true;
    void import('./categories-api.ts')
      .then((m) => m.loadCategories())
      // On failure the built-in list stays (categories-api.ts already fell back to a kept copy).
      .then(setCategories, () => {});
  }, []);
  useEffect(() => {
    if (wanted) ask();
  }, [wanted, ask]);
  return categories;
}
