// Texts of the worker that people read, in Dutch (nl-NL), in one place so that they can be reviewed and
// translated. These are internal notes for staff (the melder never sees them).

export const routingTexts = {
  defaultTeamReason: (categoryLabel: string) => `standaardteam voor categorie ${categoryLabel}`,
} as const;
