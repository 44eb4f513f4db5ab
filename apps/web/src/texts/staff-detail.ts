const noticeChannels: Record<string, string> = { console: 'console', push: 'push', email: 'e-mail' };

/** Texts of one melding in the console. */
export const staffDetailTexts = {
  heading: (reference: string) => `Melding ${reference}`,
  back: 'Terug naar de wachtrij',
  notFound: 'Deze melding bestaat niet.',
  overview: 'Gegevens',
  status: 'Status',
  priority: 'Prioriteit',
  category: 'Onderwerp',
  team: 'Team',
  wijk: 'Wijk',
  assignedTo: 'Opgepakt door',
  unassigned: 'Niemand',
  occurredAt: 'Wanneer gebeurd',
  createdAt: 'Gemeld op',
  duplicateOf: 'Dubbel van',
  reopenCount: 'Keer heropend',
  reopenedHeading: (count: number) => (count === 1 ? 'Heropend' : `Heropend (${count} keer)`),
  reopenedWhen: (at: string, byStaff: string | null) =>
    byStaff ? `Heropend op ${at} door ${byStaff}.` : `Heropend op ${at} door de melder: niet opgelost.`,
  reopenedMelderWords: 'Wat de melder schreef:',
  reopenedStaffWords: 'Reden:',
  description: 'Omschrijving',
  answers: 'Antwoorden',
  location: 'Plek',
  address: 'Adres',
  noAddress: 'Geen adres opgegeven; zie de kaart.',
  approximateAddress: (byGps: boolean) =>
    byGps ? 'adres bij benadering (op basis van GPS)' : 'adres bij benadering (op basis van de kaart)',
  approximatePending: 'Het adres wordt nog opgezocht; zie de kaart.',
  approximateUnknown: 'adres onbekend; zie de kaart.',
  openInMaps: 'Open in kaarten-app',
  approximate: (wijk: string | undefined, description: string) =>
    `Ongeveer: ${wijk ? `wijk ${wijk}` : 'plek onbekend'} — ‘${description}’ (de melder kon geen kaart of adres gebruiken; de speld staat midden in de wijk)`,
  coordinates: (lat: number, lng: number, accuracy: number | null) =>
    `Coördinaten ${lat.toFixed(5)}, ${lng.toFixed(5)}${accuracy ? ` (nauwkeurig tot ongeveer ${Math.round(accuracy)} m)` : ''}`,
  mapLabel: 'Kaart met de plek van de melding',
  mapLoading: 'De kaart wordt geladen…',
  mapError: 'De kaart kon niet worden geladen.',
  mapMarker: 'Plek van de melding',
  photos: 'Foto’s',
  noPhotos: 'Geen foto’s.',
  photoAlt: (n: number) => `Foto ${n} bij de melding (opent de foto)`,
  melder: 'Contactgegevens melder',
  melderEmail: 'E-mail',
  melderPhone: 'Telefoon',
  melderNone: 'Niet opgegeven',
  wantsFeedback: 'Wil terugkoppeling',
  yes: 'Ja',
  no: 'Nee',
  melderAnonymous: 'De melder heeft geen contactgegevens achtergelaten.',
  timeline: 'Verloop',
  timelineEmpty: 'Nog geen gebeurtenissen.',
  internal: 'Intern:',
  publicMessage: 'Bericht aan melder:',
  melderMessage: 'Reactie van de melder:',
  feedbackEntry: 'Antwoord van de melder op “Is uw melding opgelost?”',
  solvedYes: 'Ja, opgelost.',
  solvedNo: 'Nee, niet opgelost.',
  melderAnonymised: 'De contactgegevens van de melder zijn verwijderd (geanonimiseerd).',
  forwardedTo: 'Doorgestuurd naar:',
  reason: 'Reden:',
  noteEntry: 'Interne notitie',
  /** "Gemeld aan M. de Vries (console, e-mail), J. Bakker (console)"; a later step is an escalation. */
  noticeEntry: (
    step: number,
    told: readonly { name: string; channels: readonly string[] }[],
    kind: 'dispatch' | 'reopened' | 'idle_reminder' = 'dispatch',
  ) =>
    `${
      kind === 'idle_reminder'
        ? 'Opgepakt maar stil: herinnering aan'
        : kind === 'reopened'
          ? 'Heropend: gemeld aan de vorige behandelaar,'
          : step === 0
            ? 'Gemeld aan'
            : 'Opnieuw gemeld (escalatie) aan'
    } ${
      told.map((t) => `${t.name} (${t.channels.map((c) => noticeChannels[c] ?? c).join(', ')})`).join(', ') ||
      'niemand'
    }`,
  statusChange: (to: string) => `Status: ${to}`,
  statusChangeFrom: (from: string, to: string) => `Status: ${from} → ${to}`,
  actorMelder: 'de melder',
  actorSystem: 'het systeem',
  actorStaff: 'een medewerker',
  by: (who: string) => `door ${who}`,
  deliveries: 'E-mails aan de melder',
  noDeliveries: 'Er zijn geen e-mails aan de melder verstuurd.',
  deliveryState: {
    sending: 'Wordt verstuurd',
    sent: 'Verstuurd',
    retrying: 'Wordt opnieuw geprobeerd',
    failed: 'Mislukt',
    unknown: 'Uitkomst onbekend, opnieuw verstuurd',
  } as Record<string, string>,
  deliveryTemplate: {
    ontvangen: 'Ontvangstbevestiging',
    status_gewijzigd: 'Statuswijziging',
  } as Record<string, string>,
  deliveryAttempt: (n: number) => `poging ${n}`,
  smtpAnswer: 'Antwoord mailserver:',
} as const;

/** Texts of the actions on a melding: claim, status change, e-mail preview, note. */
export const staffActionTexts = {
  heading: 'Acties',
  claim: 'Oppakken',
  claimHint: 'Pak de melding op om die te behandelen; collega’s zien dan dat u ermee bezig bent.',
  claimed: 'U heeft de melding opgepakt.',
  barLabel: 'Acties voor deze melding',
  barTransitions: 'Status wijzigen naar',
  alreadyClaimed: 'Iemand anders heeft deze melding al opgepakt.',
  yours: 'U heeft deze melding opgepakt.',
  transitionHeading: 'Status wijzigen',
  target: 'Nieuwe status',
  noTransitions: 'Vanuit deze status is geen wijziging mogelijk.',
  targetRequired: 'Kies de nieuwe status.',
  notifies: 'De melder krijgt hiervan bericht.',
  noMail: 'De melder krijgt hiervan geen bericht.',
  publicMessage: 'Bericht aan de melder',
  publicMessageHint:
    'Dit leest de melder in de e-mail en op de statuspagina. Schrijf in gewone taal, zonder namen van anderen.',
  publicMessageRequired: 'Schrijf een bericht aan de melder.',
  standardText: 'Standaardtekst',
  standardTextNone: 'Kies een standaardtekst',
  standardTextUse: 'Tekst invullen',
  standardTextHint: 'De tekst komt in het berichtveld; u kunt de tekst daarna aanpassen.',
  standardTextsNone: 'Er zijn geen standaardteksten voor deze status en dit onderwerp.',
  standardTextFilled: 'De standaardtekst staat in het berichtveld. Pas de tekst zo nodig aan.',
  forwardedTo: 'Doorgestuurd naar',
  forwardedToHint:
    'De organisatie of afdeling, bijvoorbeeld “Politie basisteam” of “Woningcorporatie Portaal”.',
  forwardedToRequired: 'Vul in naar wie de melding is doorgestuurd.',
  reason: 'Reden van annuleren',
  reasonHint: 'Intern; de melder ziet dit niet.',
  reasonRequired: 'Vul de reden van annuleren in.',
  duplicateOf: 'Dubbel van melding (referentie)',
  internalNote: 'Interne notitie',
  internalNoteHint: 'Alleen voor medewerkers; de melder ziet dit nooit.',
  preview: 'Voorbeeld van de e-mail',
  previewHeading: 'Voorbeeld van de e-mail',
  previewSubject: 'Onderwerp:',
  previewHtml: 'Bekijk de opgemaakte e-mail',
  previewFrameTitle: 'Opgemaakte e-mail aan de melder',
  previewSent: 'Deze e-mail wordt na het opslaan aan de melder verstuurd.',
  previewNotSent:
    'De melder krijgt geen e-mail (geen e-mailadres of geen terugkoppeling gewenst); het bericht staat wel op de statuspagina.',
  previewStale: 'U heeft het bericht daarna gewijzigd; vraag het voorbeeld opnieuw op.',
  save: 'Status opslaan',
  saved: (label: string) => `De status is gewijzigd in ${label}.`,
  noteHeading: 'Interne notitie toevoegen',
  noteBody: 'Notitie',
  noteRequired: 'Schrijf een notitie.',
  noteSave: 'Notitie opslaan',
  noteSaved: 'De notitie is toegevoegd.',
} as const;

/** Texts of marking a melding notable for the veiligheidsoverleg. */
export const staffNotableTexts = {
  heading: 'Opvallend voor het veiligheidsoverleg',
  intro: 'Markeer deze melding als opvallend; hij komt dan in het weekoverzicht.',
  reason: 'Reden',
  reasonHint: 'Kort en zonder namen of andere persoonsgegevens.',
  reasonRequired: 'Vul de reden in.',
  mark: 'Markeer als opvallend',
  unmark: 'Markering opheffen',
  marked: 'De melding is gemarkeerd als opvallend.',
  unmarked: 'De markering is opgeheven.',
  current: (reason: string) => `Gemarkeerd als opvallend: ${reason}`,
} as const;
