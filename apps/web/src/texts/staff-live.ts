/** Texts of the live console: the connection state and the spoed announcement. */
export const staffLiveTexts = {
  stateLabel: 'Live bijwerken',
  live: 'Live',
  connecting: 'Verbinden…',
  reconnecting: 'Verbinding verbroken — opnieuw verbinden…',
  spoedHeading: 'Spoedmelding',
  spoedBody: (reference: string, team: string | null) =>
    team ? `Nieuwe spoedmelding ${reference} voor ${team}.` : `Nieuwe spoedmelding ${reference}.`,
  spoedOpen: (reference: string) => `Open melding ${reference}`,
  spoedDismiss: 'Sluiten',
  spoedDismissLabel: (reference: string) => `Sluiten: spoedmelding ${reference}`,
};
