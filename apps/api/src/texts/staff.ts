// Every text of the staff API that an officer, coordinator or admin reads, in Dutch (nl-NL).

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
  lastEventIdInvalid: 'Last-Event-ID moet het nummer van een eerder ontvangen gebeurtenis zijn.',
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
    if (kind === 'dispatch') return 'Bericht aan de dienstdoende medewerkers';
    if (template === 'ontvangen') return 'E-mail aan de melder: melding ontvangen';
    return 'E-mail aan de melder: statuswijziging';
  },
  notFound: 'Deze vastgelopen taak bestaat niet.',
  notStuck: 'Deze taak zit niet (meer) vast; misschien heeft iemand de taak al opnieuw gestart.',
} as const;

/** How the console names a device that receives Web Push (push/push-subscription-service.ts). */
export const deviceTexts = {
  otherBrowser: 'Browser',
  browserOn: (browser: string, os: string) => `${browser} op ${os}`,
} as const;

export const pushErrorTexts = {
  notConfigured: 'Meldingen op een toestel zijn op deze server niet ingesteld (geen VAPID-sleutels).',
} as const;
