// Soest's rosters as seed data: the boa-team works a day and an evening shift until 22:30, the police
// basisteam is there around the clock. Member ids are the caller's (the demo accounts of the seed).
import type { RosterTeam, ShiftPattern } from './roster-schema.ts';

const everyDay = [1, 2, 3, 4, 5, 6, 7];

export const soestRosterTeams: readonly RosterTeam[] = [
  {
    id: 'boa-team',
    name: 'Boa-team Soest',
    kind: 'boa',
    active: true,
    coverage: { kind: 'windows', windows: [{ weekdays: everyDay, start: '07:00', end: '22:30' }] },
  },
  {
    id: 'politie-basisteam',
    name: 'Politie basisteam Eemland-Noord',
    kind: 'politie',
    active: true,
    coverage: { kind: 'always' },
  },
];

interface SeedMembers {
  boa: readonly string[];
  politie: readonly string[];
  /** First local date of the patterns. */
  validFrom: string;
}

const pattern = (
  teamId: string,
  id: string,
  label: string,
  start: string,
  end: string,
  members: readonly string[],
  validFrom: string,
): ShiftPattern => ({
  id,
  teamId,
  label,
  weekdays: everyDay,
  start,
  end,
  validFrom,
  validUntil: null,
  memberIds: [...members],
  leadId: members[0] ?? null,
});

/** Patterns that cover each team's expected hours with the given members on every shift. */
export function soestShiftPatterns({ boa, politie, validFrom }: SeedMembers): ShiftPattern[] {
  return [
    pattern('boa-team', 'boa-dag', 'Dagdienst', '07:00', '15:00', boa, validFrom),
    pattern('boa-team', 'boa-avond', 'Avonddienst', '14:30', '22:30', boa, validFrom),
    pattern('politie-basisteam', 'politie-vroeg', 'Vroege dienst', '07:00', '15:00', politie, validFrom),
    pattern('politie-basisteam', 'politie-laat', 'Late dienst', '15:00', '23:00', politie, validFrom),
    pattern('politie-basisteam', 'politie-nacht', 'Nachtdienst', '23:00', '07:00', politie, validFrom),
  ];
}
