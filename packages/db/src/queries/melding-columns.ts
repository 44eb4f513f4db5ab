import { meldingen } from '../schema.ts';

/** The columns that name a melding wherever staff or the melder see one: id, reference, (sub)category. */
export const meldingNameColumns = {
  id: meldingen.id,
  reference: meldingen.reference,
  category: meldingen.category,
  subcategory: meldingen.subcategory,
};
