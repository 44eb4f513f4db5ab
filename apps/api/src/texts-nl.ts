// Every text of the API that a person reads, in Dutch (nl-NL), in one place so that it can be reviewed
// and translated: first what a resident reads, then the staff side (officers, coordinators, admins). Field messages of the intake form come from @buurtsignaal/core (shared with the web app).

const MB = 1024 * 1024;

export const errorTexts = {
  validation: 'Niet alle gegevens zijn goed ingevuld. Controleer de velden en probeer het opnieuw.',
  invalidJson: 'De melding is niet goed doorgekomen (ongeldige JSON). Probeer het opnieuw.',
  unsupportedContentType:
    'Dit soort bericht kunnen we niet verwerken. Stuur de melding als JSON of als formulier met foto’s.',
  bodyTooLarge: 'De melding is te groot. Verklein de tekst of stuur minder of kleinere foto’s.',
  notFound: 'Deze pagina of dit adres bestaat niet.',
  rateLimited:
    'U heeft in korte tijd veel meldingen verstuurd. Wacht een paar minuten en probeer het dan opnieuw.',
  requestTimeout: 'Het versturen duurde te lang. Probeer het opnieuw.',
  badRequest: 'De aanvraag is ongeldig. Probeer het opnieuw.',
  // Says nothing about what was stored: on most routes it is not known (the intake says it when it is).
  internal: 'Er ging bij ons iets mis. Probeer het over een paar minuten opnieuw.',
  unavailable: 'Buurtsignaal is even niet bereikbaar. Probeer het over een paar minuten opnieuw.',
} as const;

export const intakeTexts = {
  outsideMunicipality:
    'Deze plek ligt buiten de gemeente Soest. Kies een plek in Soest, Soesterberg of Soestduinen.',
  occurredInFuture: 'Het tijdstip ligt in de toekomst. Kies een tijdstip dat al geweest is.',
  meldingFieldMissing: 'Het formulier mist het veld "melding" met de gegevens van uw melding.',
  meldingFieldTooLarge: 'De gegevens van de melding zijn te groot.',
  multipartBoundaryMissing:
    'Het formulier is niet goed verstuurd: de scheiding tussen de onderdelen (boundary) ontbreekt of is ongeldig.',
  multipartIncomplete: 'Het formulier is niet volledig aangekomen. Probeer het opnieuw.',
  fileTooLarge: (maxBytes: number) =>
    `Een foto is te groot. Een foto mag hoogstens ${Math.round(maxBytes / MB)} MB zijn.`,
  tooManyFiles: (max: number) => `U kunt hoogstens ${max} foto’s meesturen.`,
  tooManyParts: 'Het formulier bevat te veel onderdelen.',
  tooManyFields: 'Het formulier bevat te veel velden.',
  photoUnsupported: 'Dit bestand is geen foto die we kunnen gebruiken. Stuur een foto als JPEG, PNG of WebP.',
  photoHeic:
    'Foto’s in HEIC-formaat (iPhone) kunnen we niet openen. Stuur de foto als JPEG: kies op uw iPhone bij ' +
    'Instellingen › Camera › Formaten voor ‘Meest compatibel’, of maak een schermafbeelding van de foto.',
  photoTooManyPixels: (maxPixels: number) =>
    `Een foto heeft te veel beeldpunten (meer dan ${
      maxPixels >= 1_000_000
        ? `${Math.floor(maxPixels / 1_000_000)} megapixel`
        : `${maxPixels.toLocaleString('nl-NL')} beeldpunten`
    }). Verklein de foto en probeer het opnieuw.`,
  photoUnreadable: 'Een foto kon niet worden gelezen. Misschien is het bestand beschadigd.',
  // A failed intake says what we know of the melding: certainly not stored, or not known.
  notStored:
    'Er ging bij ons iets mis. Uw melding is niet opgeslagen. Probeer het over een paar minuten opnieuw.',
  notStoredUnavailable:
    'Buurtsignaal is even niet bereikbaar. Uw melding is niet opgeslagen. Probeer het over een paar minuten opnieuw.',
  outcomeUnknown:
    'De verbinding met onze database viel weg terwijl uw melding werd opgeslagen. We weten daardoor niet ' +
    'zeker of uw melding is opgeslagen. Verstuur haar opnieuw: is zij al opgeslagen, dan krijgt u dezelfde ' +
    'referentie en wordt zij niet dubbel opgeslagen.',
  outcomeUnknownWithoutKey:
    'De verbinding met onze database viel weg terwijl uw melding werd opgeslagen. We weten daardoor niet ' +
    'zeker of uw melding is opgeslagen. Heeft u een e-mailadres opgegeven, kijk dan eerst of u een ' +
    'bevestiging krijgt voordat u de melding opnieuw verstuurt.',
  idempotencyKeyInvalid: 'De Idempotency-Key moet 1 tot 255 leesbare tekens lang zijn.',
  idempotencyKeyReused:
    'Deze Idempotency-Key is al gebruikt voor een andere melding. Gebruik een nieuwe sleutel.',
  idempotencyInFlight: 'Deze melding wordt nog verwerkt. Wacht even en probeer het dan opnieuw.',
  replayUnavailable:
    'Deze melding is al ontvangen, maar het antwoord kan niet opnieuw worden getoond. Kijk in uw e-mail voor de statuslink.',
} as const;

export const statusTexts = {
  notFound: 'We kunnen geen melding vinden bij deze link. Controleer of u de volledige link gebruikt.',
  lookupRateLimited:
    'U heeft in korte tijd heel vaak een status opgevraagd. Wacht een minuut en probeer het dan opnieuw.',
} as const;

/** The melder's answer to a question and "Is uw melding opgelost?" on the status page. */
export const melderActionTexts = {
  answerRequired: 'Vul uw antwoord in.',
  answerTooLong: (max: number) => `Uw antwoord mag hoogstens ${max} tekens lang zijn.`,
  explanationRequired: 'Vertel kort wat er nog niet is opgelost.',
  explanationTooLong: (max: number) => `Uw toelichting mag hoogstens ${max} tekens lang zijn.`,
  solvedRequired: 'Kies ja of nee.',
  noOpenQuestion:
    'Er staat op dit moment geen vraag voor u open. Misschien heeft u de vraag al beantwoord; kijk hieronder bij het verloop van uw melding.',
  questionExpired: (days: number) =>
    `De vraag kan niet meer online worden beantwoord: dat kan tot ${days} dagen nadat we de vraag stelden. Neem contact op met de gemeente als u ons nog iets wilt laten weten.`,
  feedbackNotClosed:
    'U kunt deze vraag nu niet beantwoorden, omdat uw melding niet is afgehandeld. Kijk hieronder bij het verloop van uw melding.',
  feedbackAlreadyGiven: 'U heeft deze vraag al beantwoord. Bedankt voor uw antwoord.',
  feedbackExpired: (days: number) =>
    `Deze vraag kan niet meer worden beantwoord: dat kan tot ${days} dagen nadat uw melding is afgehandeld. Is er opnieuw overlast? Doe dan een nieuwe melding.`,
} as const;

/** The embedded default's development mailbox (runtime/dev-mailbox.routes.ts). */
export const devMailboxTexts = {
  localOnly:
    'De ontwikkel-mailbox is alleen te openen op de computer waarop Buurtsignaal draait (via localhost).',
} as const;

// --- The staff API: what an officer, coordinator or admin reads.

const waitText = (seconds: number) =>
  seconds < 90
    ? `${seconds} ${seconds === 1 ? 'seconde' : 'seconden'}`
    : `${Math.ceil(seconds / 60)} minuten`;

export const staffErrorTexts = {
  invalidCredentials:
    'Het e-mailadres, het wachtwoord of de code uit de authenticator-app klopt niet. Gebruikt u tweestapsverificatie, vul dan ook de nieuwe code in.',
  totpInvalid: 'De code klopt niet of is verlopen. Vul de nieuwe code uit uw authenticator-app in.',
  totpCodeUsed: 'Deze code is al gebruikt. Wacht op de volgende code in uw authenticator-app en vul die in.',
  loginRateLimited:
    'Te veel inlogpogingen vanaf dit adres. Wacht een paar minuten en probeer het dan opnieuw.',
  loginThrottled: (seconds: number) =>
    `Er is vanaf dit apparaat te vaak verkeerd ingelogd op dit account. Probeer het over ${waitText(seconds)} opnieuw.`,
  accountThrottled: (seconds: number) =>
    `Er wordt vanaf verschillende adressen geprobeerd op dit account in te loggen met een verkeerd wachtwoord. Probeer het over ${waitText(seconds)} opnieuw, of log in vanaf de computer waarmee u eerder inlogde. Meld dit bij de beheerder als u dit niet zelf was.`,
  notAuthenticated: 'U bent niet ingelogd. Log in om verder te gaan.',
  sessionExpired: 'Uw sessie is verlopen. Log opnieuw in.',
  csrfInvalid:
    'Deze actie is geweigerd omdat de beveiligingscode ontbreekt of niet klopt. Laad de pagina opnieuw.',
  originNotAllowed:
    'Deze actie is geweigerd omdat ze niet vanuit de Buurtsignaal-balie zelf kwam. Open de balie via het gewone adres en probeer het opnieuw.',
  totpEnrolmentRequired:
    'Stel eerst tweestapsverificatie in met een authenticator-app; daarna kunt u verder.',
  totpAlreadyEnrolled: 'Tweestapsverificatie is voor uw account al ingesteld.',
  totpNotStarted: 'Start eerst het instellen van tweestapsverificatie.',
  forbidden: 'U heeft geen toegang tot deze gegevens of deze actie.',
  meldingNotFound: 'Deze melding bestaat niet.',
  emailTaken: 'Er bestaat al een account met dit e-mailadres.',
  unknownTeam: (id: string) => `Het team "${id}" bestaat niet.`,
  passwordTooShort: (min: number) => `Het wachtwoord moet minstens ${min} tekens lang zijn.`,
} as const;

export const staffCliTexts = {
  passwordPrompt: 'Wachtwoord (minstens 12 tekens): ',
  passwordRepeat: 'Herhaal het wachtwoord: ',
  passwordMismatch: 'De wachtwoorden zijn niet gelijk.',
  noTty: 'Geen terminal om het wachtwoord te vragen: zet het in BS_NEW_PASSWORD.',
  created: (email: string, role: string, describe: string) =>
    `Account ${email} (${role}) aangemaakt in ${describe}.`,
  totpAtFirstLogin:
    'Let op: deze rol moet bij de eerste keer inloggen tweestapsverificatie (TOTP) instellen met een authenticator-app.',
  usage:
    'Gebruik: pnpm --filter @buurtsignaal/api user:create --email <adres> --name <naam> --role <boa|politie|coordinator|admin> [--team <team-id> …]\n' +
    'Het wachtwoord komt uit BS_NEW_PASSWORD of wordt gevraagd.',
} as const;

/** The handling workflow: queue, detail, claim, transitions, notes, standard texts. */
export const handlingTexts = {
  teamRequired: 'Kies een team: u ziet alleen de wachtrij van uw eigen team(s).',
  periodInvalid: 'Het begin van de periode moet vóór het einde liggen.',
  alreadyClaimed: 'Een collega heeft deze melding al in behandeling genomen.',
  forwardedToRequired: 'Vul in naar welke organisatie de melding wordt doorgestuurd.',
  duplicateNotFound: (reference: string) => `Er bestaat geen melding met kenmerk "${reference}".`,
  duplicateOfItself: 'Een melding kan geen dubbele melding van zichzelf zijn.',
  duplicateOnlyWhenCancelled: 'Een dubbele melding geeft u alleen op bij de status "Geannuleerd".',
  photoNotFound: 'Deze foto bestaat niet (meer).',
  standardTextNotFound: 'Deze standaardtekst bestaat niet.',
  answerYes: 'Ja',
  answerNo: 'Nee',
} as const;

/** "Vastgelopen taken" (admin): what did not get done, and the refusals of a retry. */
export const stuckJobTexts = {
  what(kind: string, template: string | null): string {
    if (kind === 'routing') return 'Indelen bij een team';
    if (template === 'ontvangen') return 'E-mail aan de melder: melding ontvangen';
    return 'E-mail aan de melder: statuswijziging';
  },
  notFound: 'Deze vastgelopen taak bestaat niet.',
  notStuck: 'Deze taak zit niet (meer) vast; misschien heeft iemand hem al opnieuw gestart.',
} as const;

// --- The hotspot map and rules.

export const hotspotTexts = {
  bboxInvalid:
    'Geef het kaartvenster op als minLng,minLat,maxLng,maxLat (graden), met min kleiner dan max en elke zijde hoogstens 1 graad.',
  periodInvalid:
    'De periode klopt niet: "van" moet vóór "tot" liggen en de periode mag hoogstens 3 jaar zijn.',
  subcategoryInvalid: (sub: string) => `De subcategorie "${sub}" hoort niet bij de gekozen categorie.`,
  subcategoryWithoutCategory: 'Kies eerst een categorie bij de subcategorie.',
  cellInvalid: 'Dit is geen geldige H3-cel met resolutie 7 tot en met 10.',
  ruleNotFound: 'Deze hotspotregel bestaat niet.',
} as const;

// --- The weekly overview (coordinator, veiligheidsoverleg).

export const reportTexts = {
  weekInvalid: 'Deze week bestaat niet. Geef een ISO-week als 2026-W48.',
  outsideWijk: 'Buiten de wijken',
  total: 'Totaal',
  yes: 'Ja',
  no: 'Nee',
  byMelder: 'Melder',
  byStaff: 'Medewerker',
  everyCategory: 'Alle categorieën',
  csv: {
    title: ['Weekoverzicht', 'Van', 'Tot en met'],
    perCategory: 'Meldingen per categorie',
    perCategoryHeader: ['Categorie', 'Aantal', 'Gemiddelde 4 weken ervoor', 'Verschil', 'Verschil %'],
    perWijk: 'Meldingen per wijk',
    perWijkHeader: ['Wijk', 'Aantal', 'Gemiddelde 4 weken ervoor', 'Verschil', 'Verschil %'],
    pastDeadline: 'Open meldingen over de afhandeltermijn',
    pastDeadlineHeader: ['Referentie', 'Categorie', 'Team', 'Afhandeltermijn', 'Dagen te laat'],
    reopened: 'Heropende meldingen',
    reopenedHeader: ['Referentie', 'Categorie', 'Heropend op', 'Door'],
    satisfaction: 'Tevredenheid',
    satisfactionHeader: ['Antwoord', 'Aantal'],
    notable: 'Opvallende meldingen',
    notableHeader: ['Referentie', 'Categorie', 'Wijk', 'Reden'],
    coverageGaps: 'Gaten in de bezetting (niemand in dienst binnen de te dekken uren)',
    coverageGapsHeader: ['Team', 'Van', 'Tot', 'Minuten'],
    hotspots: 'Hotspots',
    hotspotsHeader: ['Cel', 'Wijk', 'Categorie', 'Sinds', 'Aantal'],
    meldingenHeader: [
      'Referentie',
      'Gemeld op',
      'Categorie',
      'Subcategorie',
      'Wijk',
      'Status',
      'Team',
      'Prioriteit',
      'Afhandeltermijn',
      'Heropend',
      'Opvallend',
    ],
  },
} as const;
