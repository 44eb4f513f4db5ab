// Dutch texts of a team's escalation policy that a coordinator reads when it is refused (the 400 of
// PUT /api/v1/staff/teams/:id/escalation-policy). Part of core's texts module (see ../texts-nl.ts).

export const escalationPolicyMessages = {
  policyInvalid:
    'Geef een escalatiebeleid op met "levels" (de niveaus) en "repeat" (het aantal herhalingen).',
  unknownField: (keys: readonly string[]) =>
    `Onbekend veld: ${keys.map((k) => `"${k}"`).join(', ')}. Haal het weg.`,
  levelsInvalid: 'Geef de niveaus op als een lijst van 1 tot en met 10 niveaus.',
  levelInvalid: 'Een niveau heeft een wachttijd ("delayMinutes") en ontvangers ("targets").',
  delayInvalid: 'Geef de wachttijd op in hele minuten, van 1 tot en met 1440 (24 uur).',
  targetsInvalid: 'Kies per niveau minstens één ontvanger.',
  targetInvalid:
    'Kies als ontvanger "on_duty" (iedereen in dienst), "lead" (de dienstleider), "coordinator" (de coördinator) of "team:<id>" (een ander team).',
  repeatInvalid: 'Geef het aantal herhalingen op als een heel getal van 0 tot en met 5.',
} as const;
