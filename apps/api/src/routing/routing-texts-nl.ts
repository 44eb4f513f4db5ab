// Dutch texts of the routing-rule console and "opnieuw indelen" (staff read them).

export const routingTexts = {
  ruleNotFound: 'Deze routeringsregel bestaat niet.',
  ruleInvalid: 'De regel kan zo niet worden opgeslagen.',
  ruleChanged: 'Iemand anders heeft deze regel net gewijzigd. Laad de regel opnieuw.',
  reorderInvalid: 'Geef alle regels precies één keer op, in de nieuwe volgorde.',
  reorderUnknown: (id: string) => `De regel "${id}" bestaat niet.`,
  replacesUnknown: (id: string) => `De regel "${id}" bestaat niet.`,
  rerouteNotAllowed: (status: string) =>
    `Een melding met status "${status}" kan niet opnieuw worden ingedeeld.`,
  rerouteReason: (reason: string, decision: string) => `Opnieuw ingedeeld (${reason}): ${decision}`,
} as const;
