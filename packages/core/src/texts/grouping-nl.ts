// Texts of incident groups ("één voorval, meerdere meldingen") that officers read on the timeline and in
// the dispatch mail.
export const groupingTexts = {
  /** Internal note on the status event of a melding that joined a group already in behandeling. */
  joinedClaimedGroup: (primaryReference: string) =>
    `Toegevoegd aan de groep van ${primaryReference}, die al in behandeling is.`,
  /** Internal note on a member's claim or closing that came with another member's. */
  withGroup: (reference: string) => `Met de groep mee, via ${reference}.`,
  /** "3 meldingen" */
  count: (n: number) => (n === 1 ? '1 melding' : `${n} meldingen`),
  splitReason: 'Losgemaakt uit de groep: wordt apart ingedeeld.',
  /** The oldest member took over when the group's first melding left it (split, closed, reopened). */
  tookOverReason: (reference: string) =>
    `De eerste melding van de groep (${reference}) is uit de groep gegaan; deze melding neemt het over en wordt opnieuw gemeld.`,
  /** The group dissolved: what was left stands on its own. */
  aloneReason: (reference: string) =>
    `De groep is opgeheven (${reference} is eruit gegaan); deze melding wordt apart ingedeeld.`,
} as const;
