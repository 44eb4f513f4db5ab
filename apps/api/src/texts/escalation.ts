// What a coordinator reads when an escalation policy is refused (Dutch).

export const escalationTexts = {
  unknownTeam: (id: string) => `Het team "${id}" bestaat niet; kies een bestaand team.`,
  ownTeam: 'Een team kan niet naar zichzelf escaleren; kies een ander team of "iedereen in dienst".',
} as const;
