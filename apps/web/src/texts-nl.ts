/** Every text of the public pages, in one place for review and translation. */
export const t = {
  title: 'Overlast melden in Soest',
  intro:
    'Ziet of hoort u jeugdoverlast, woonoverlast of een verdachte situatie? Meld het hier. U krijgt een referentie en een persoonlijke link om te volgen wat er met uw melding gebeurt.',
  emergency: 'Is er nu gevaar, of ziet u een misdrijf gebeuren? Bel 112.',
  categoriesHeading: 'Wat kunt u melden?',
  loading: 'Bezig met laden…',
  loadError: 'De categorieën konden niet worden geladen. Probeer het later opnieuw.',
  formSoon: 'Het meldformulier volgt binnenkort op deze pagina.',
} as const;
