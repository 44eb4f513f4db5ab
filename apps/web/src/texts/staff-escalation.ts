// The escalation policy of a team on the rosters page ("Escalatie"), in Dutch.

export const staffEscalationTexts = {
  heading: 'Escalatie als niemand de melding oppakt',
  intro:
    'Pakt niemand een melding op binnen de oppaktijd, dan gaat die langs deze niveaus, van boven naar beneden. Elk niveau waarschuwt zijn ontvangers en wacht dan het aantal minuten op een oppakker.',
  isDefault: 'Dit team volgt het standaardbeleid. Sla op om een eigen beleid te maken.',
  level: (n: number) => `Niveau ${n}`,
  delay: 'Wachttijd na dit niveau (minuten)',
  delayHint: 'Van 1 tot 1440 minuten.',
  targets: 'Wie krijgt dit niveau te zien',
  target: {
    on_duty: 'Iedereen van dit team die in dienst is',
    lead: 'De dienstleider van dit team',
    coordinator: 'De coördinator',
  } as Record<string, string>,
  otherTeam: (name: string) => `Wie in dienst is bij ${name}`,
  addLevel: 'Niveau toevoegen',
  removeLevel: (n: number) => `Niveau ${n} weghalen`,
  repeat: 'Hoe vaak de niveaus daarna nog eens doorlopen worden',
  repeatHint:
    'Van 0 tot 5. Daarna staat de melding als "onbeantwoord" bij de coördinator; ze wordt nooit weggegooid.',
  save: 'Escalatie opslaan',
  reset: 'Standaardbeleid terugzetten',
  saved: 'Het escalatiebeleid is opgeslagen.',
  resetDone: 'Het standaardbeleid geldt weer voor dit team.',
  delayRequired: 'Vul een wachttijd in van 1 tot 1440 minuten.',
  targetsRequired: 'Kies minstens één ontvanger.',
  repeatRequired: 'Vul een aantal in van 0 tot 5.',
  levelsRequired: 'Voeg minstens één niveau toe.',
} as const;
