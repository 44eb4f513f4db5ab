// How much harm a kind of nuisance does, as a weight on each melding in the roster advice: the
// coordinator's knob for "weigh by harm rather than counting only". Sensible defaults; configurable
// per category and per subcategory (a subcategory's weight wins over its category's).
import { z } from 'zod';
import { categoryIds } from '../categories.ts';

export const harmWeightSchema = z.number().min(0).max(10);

export const harmWeightsSchema = z.strictObject({
  /** Per category id; a category missing here weighs 1. */
  categories: z.record(z.string(), harmWeightSchema),
  /** Per 'category/subcategory'; wins over the category's weight. */
  subcategories: z.record(z.string(), harmWeightSchema),
});
export type HarmWeights = z.infer<typeof harmWeightsSchema>;

/**
 * Intimidation, threats and drugs weigh more than loitering or noise: the harm to residents, not the
 * annoyance, decides where a short visit helps most. Loitering alone weighs less than one.
 */
export const defaultHarmWeights: HarmWeights = {
  categories: Object.fromEntries(categoryIds.map((id) => [id, 1])),
  subcategories: {
    'jeugdoverlast/hangen': 0.75,
    'jeugdoverlast/geluid': 0.75,
    'jeugdoverlast/vernieling': 1.5,
    'jeugdoverlast/intimidatie': 2,
    'jeugdoverlast/drugs_alcohol': 1.5,
    'woonoverlast/geluid': 0.75,
    'woonoverlast/bedreiging': 2,
    'woonoverlast/drugs_vanuit_woning': 1.5,
    'verdachte_situatie/woning': 1.5,
  },
};

export function harmWeight(weights: HarmWeights, category: string, subcategory: string | null): number {
  if (subcategory) {
    const sub = weights.subcategories[`${category}/${subcategory}`];
    if (sub !== undefined) return sub;
  }
  return weights.categories[category] ?? 1;
}
