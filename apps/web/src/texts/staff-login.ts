/** Texts of the console login page. */
export const staffLoginTexts = {
  heading: 'Inloggen bij de balie',
  intro: 'Voor medewerkers van de gemeente Soest, boa’s en politie.',
  email: 'E-mailadres',
  password: 'Wachtwoord',
  totp: 'Code uit uw authenticator-app',
  totpHint:
    'Alleen als u tweestapsverificatie gebruikt (coördinatoren en beheerders): zes cijfers, de code verandert elke 30 seconden.',
  submit: 'Inloggen',
  emailRequired: 'Vul uw e-mailadres in.',
  passwordRequired: 'Vul uw wachtwoord in.',
  failedLogins: (count: number, since: string) =>
    `Er is ${count === 1 ? '1 keer' : `${count} keer`} geprobeerd met een verkeerd wachtwoord of een verkeerde code op uw account in te loggen sinds ${since}. Was u dat niet zelf? Meld het bij de beheerder.`,
  failedLoginsDismiss: 'Gelezen',
  loggedOut: 'U bent uitgelogd.',
} as const;

/** Texts of setting up two-step verification (TOTP). */
export const staffTotpTexts = {
  heading: 'Tweestapsverificatie instellen',
  intro:
    'Voor uw rol is tweestapsverificatie verplicht. U heeft daarvoor een authenticator-app op uw telefoon nodig, bijvoorbeeld Google Authenticator, Microsoft Authenticator of FreeOTP.',
  start: 'Sleutel aanmaken',
  stepKey: 'Voer deze sleutel in uw app in',
  stepKeyHint:
    'Kies in de app voor “sleutel invoeren” (niet scannen), vul als naam Buurtsignaal in en neem de sleutel hieronder over. Het type is “op tijd gebaseerd”.',
  secret: 'Sleutel',
  copy: 'Sleutel kopiëren',
  copied: 'De sleutel is gekopieerd.',
  uri: 'Volledige instellingslink (otpauth)',
  uriHint: 'Sommige apps of wachtwoordbeheerders kunnen deze link direct gebruiken.',
  code: 'Code uit uw authenticator-app',
  codeHint: 'Zes cijfers, zoals de app ze nu toont.',
  codeRequired: 'Vul de code uit uw authenticator-app in.',
  confirm: 'Bevestigen',
  done: 'Tweestapsverificatie is ingesteld.',
} as const;
