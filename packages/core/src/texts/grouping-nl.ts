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
} as const;
