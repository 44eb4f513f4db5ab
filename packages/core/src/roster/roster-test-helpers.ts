// Builders for roster tests (not exported from the package).
import type { RosterOverride, ShiftPattern } from './roster-schema.ts';

export const HOUR = 3_600_000;

export function pattern(
  overrides: Partial<ShiftPattern> & Pick<ShiftPattern, 'start' | 'end'>,
): ShiftPattern {
  return {
    id: 'p',
    teamId: 'team',
    label: 'Dienst',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    validFrom: '2026-01-01',
    validUntil: null,
    memberIds: ['anna', 'bram'],
    leadId: 'anna',
    ...overrides,
  };
}

export const reason = 'test';

export function absence(
  o: Partial<Extract<RosterOverride, { kind: 'absent' }>> & { date: string; memberId: string },
): RosterOverride {
  return {
    id: `ab-${o.date}-${o.memberId}`,
    teamId: 'team',
    kind: 'absent',
    cause: 'ziek',
    patternId: 'p',
    reason,
    ...o,
  };
}

export const hours = (start: Date, end: Date) => (end.getTime() - start.getTime()) / HOUR;
