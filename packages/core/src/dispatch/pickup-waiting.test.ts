import { describe, expect, it } from 'vitest';
import { generateShiftInstances } from '../roster/generate.ts';
import { soestShiftPatterns } from '../roster/soest-seed.ts';
import { pickupMessage } from '../texts/pickup-nl.ts';
import { wallClockInstant as at } from '../time/wall-clock.ts';
import { expectPickup, type PickupInput } from './pickup-expectation.ts';

// The status page, seen later than the confirmation: a melding that has been waiting must not read as
// if its officers were told just now, and one that escalation gave up on says it waits for the coordinator.
const soest = soestShiftPatterns({ boa: ['boa-1', 'boa-2'], politie: ['agent-1'], validFrom: '2026-01-01' });
const roster = generateShiftInstances({ patterns: soest, overrides: [], from: '2026-06-01', days: 10 });
const boa = { id: 'boa-team', name: 'Boa-team Soest' };
const politie = { id: 'politie-basisteam', name: 'Politie basisteam Eemland-Noord' };

const told = (over: Partial<PickupInput> & Pick<PickupInput, 'now'>) => {
  const e = expectPickup({
    priority: 'normaal',
    team: boa,
    fallback: politie,
    roster,
    coordinatorIds: ['coord-1'],
    ...over,
  });
  return { e, ...pickupMessage(e, over.now) };
};

describe('what the status page says of a melding that has been waiting', () => {
  it('normaal since 23:30, seen at 07:30: told at 07:00 and waiting, not "direct"', () => {
    const { e, message, safety } = told({
      now: at('2026-06-03', '07:30'),
      waitingSince: at('2026-06-02', '23:30'),
    });
    expect(e).toMatchObject({ kind: 'on_duty_now', onDutyNow: true, expectedPickupFrom: '2026-06-03T07:00' });
    expect(e.toldAt).toEqual(at('2026-06-03', '07:00'));
    expect(message).toBe(
      'Boa-team Soest is nu in dienst; de melding is om 07:00 aan de dienstdoende medewerkers gemeld en wacht op oppakken.',
    );
    expect(message).not.toContain('direct');
    expect(message).not.toMatch(/\b(hem|haar)\b/);
    expect(safety).toBeNull();
  });

  it('came in during the shift and still waits: told at the time it came in', () => {
    const { e, message } = told({ now: at('2026-06-03', '10:00'), waitingSince: at('2026-06-03', '09:15') });
    expect(e.toldAt).toEqual(at('2026-06-03', '09:15'));
    expect(message).toContain('om 09:15 aan de dienstdoende medewerkers gemeld');
  });

  it('a melding just in (or with no waiting time known) is still told "direct"', () => {
    const now = at('2026-06-03', '10:00');
    expect(told({ now, waitingSince: now }).message).toBe(
      'Boa-team Soest is nu in dienst en krijgt uw melding direct.',
    );
    expect(told({ now }).e.toldAt).toBeNull();
  });

  it('onbeantwoord: says it waits for the coordinator, not that the team has it directly', () => {
    const { e, message } = told({
      now: at('2026-06-03', '11:00'),
      waitingSince: at('2026-06-03', '07:10'),
      unansweredAt: at('2026-06-03', '10:40'),
    });
    expect(e).toMatchObject({ kind: 'unanswered', expectedPickupAt: null });
    expect(message).toBe(
      'Niemand van Boa-team Soest heeft uw melding nog opgepakt. De coördinator van de gemeente ziet uw melding en zorgt dat die wordt opgepakt.',
    );
  });
});
