// Texts of incident groups (one incident, many reports) that staff read in error bodies.
export const groupingApiTexts = {
  notGrouped: 'Deze melding hoort niet bij een groep.',
  alreadyGrouped: (reference: string) =>
    `Melding ${reference} hoort al bij een groep. Maak die eerst los uit die groep.`,
  groupItself: 'Een melding kan niet met zichzelf gegroepeerd worden.',
  otherCategory: 'Alleen meldingen van dezelfde soort kunnen samen een groep vormen.',
  closed: 'Een afgehandelde of geannuleerde melding kan niet gegroepeerd worden.',
} as const;
