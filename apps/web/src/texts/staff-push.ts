// Web Push in the console: the opt-in on "Mijn diensten" and the notification the phone shows.

const priorityLabels: Record<string, string> = { spoed: 'Spoed', hoog: 'Hoog', normaal: 'Normaal' };

export const staffPushTexts = {
  heading: 'Meldingen op dit toestel',
  label: 'Meldingen op dit toestel ontvangen',
  intro:
    'Krijg een melding op dit toestel zodra er een melding voor uw team binnenkomt terwijl u in dienst bent, ook als de balie niet open staat. Zet dit aan op elk toestel waarop u meldingen wilt krijgen.',
  on: 'Aan: dit toestel krijgt meldingen.',
  off: 'Uit: dit toestel krijgt geen meldingen. U krijgt dan een e-mail op uw werkadres.',
  busy: 'Even geduld…',
  turnedOn: 'Meldingen op dit toestel staan aan.',
  turnedOff: 'Meldingen op dit toestel staan uit.',
  unsupported:
    'Deze browser kan geen meldingen ontvangen. Open de balie op uw telefoon in Chrome, Edge, Firefox of Safari (op een iPhone: zet de balie eerst op het beginscherm). U krijgt meldingen nu per e-mail.',
  denied:
    'U heeft meldingen voor de balie geblokkeerd in deze browser. Sta meldingen toe in de instellingen van de browser (bij de site) en probeer het dan opnieuw. U krijgt meldingen nu per e-mail.',
  notConfigured:
    'Meldingen op een toestel zijn op deze server niet ingesteld. U krijgt meldingen per e-mail.',
  failed:
    'Dit toestel kon zich niet aanmelden voor meldingen. Probeer het later opnieuw; u krijgt meldingen tot die tijd per e-mail.',
  /** The notification on the phone: only what the payload holds (no description, address or names). */
  notification: {
    title: (priority: string, category: string) => `${priorityLabels[priority] ?? priority}: ${category}`,
    body: (reference: string, wijk: string | null) =>
      wijk ? `${reference} in wijk ${wijk}` : `${reference}, wijk onbekend`,
    fallbackTitle: 'Nieuwe melding voor uw team',
  },
} as const;
