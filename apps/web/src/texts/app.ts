/** Texts around every public page (nl-NL): names, titles, the 112 advice, not found. */
export const appTexts = {
  appName: 'Buurtsignaal',
  municipality: 'Gemeente Soest',
  title: 'Overlast melden in Soest',
  skipLink: 'Naar de inhoud',
  loading: 'Bezig met laden…',
  documentTitle: (page: string) => `${page} – Buurtsignaal Soest`,
  documentTitleError: (page: string) => `Fout: ${page} – Buurtsignaal Soest`,
  notFound: {
    heading: 'Deze pagina bestaat niet',
    text: 'We kunnen de pagina die u zoekt niet vinden. Misschien is de link niet helemaal goed overgenomen.',
    statusHint: 'Zoekt u de status van uw melding? Gebruik dan de volledige link die u bij het melden kreeg.',
    home: 'Een melding doen',
  },
  advice: {
    call112: 'Is er nu gevaar, of ziet u een misdrijf gebeuren? Bel 112.',
    call112Link: 'Bel 112',
    call112Extra: 'Gebruik dit formulier niet voor spoed.',
    anonymous: 'Anoniem melden kan bij Meld Misdaad Anoniem: 0800-7000.',
    anonymousLink: 'Bel 0800-7000',
  },
  errorSummary: {
    heading: 'Er ging iets mis',
  },
} as const;
