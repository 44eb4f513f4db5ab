import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assigneeAfter,
  claimableStatuses,
  claimRefusal,
  heldStatuses,
  isClaimable,
  isHeld,
} from './claim.ts';
import { canTransition, isOpen, meldingStatuses } from './status-machine.ts';

describe('claimable statuses', () => {
  it('are gemeld, ingedeeld and heropend: the queue', () => {
    expect([...claimableStatuses]).toEqual(['gemeld', 'ingedeeld', 'heropend']);
    expect(isClaimable('ingedeeld')).toBe(true);
    expect(isClaimable('in_behandeling')).toBe(false);
    expect(isClaimable('onbekend')).toBe(false);
  });

  it('agree with the status machine: claimable = may go to in_behandeling and nobody holds it', () => {
    for (const s of meldingStatuses) {
      expect(isClaimable(s)).toBe(canTransition(s, 'in_behandeling') && !isHeld(s));
    }
  });

  it('split every status into claimable, held or closed', () => {
    for (const s of meldingStatuses) {
      const kinds = [isClaimable(s), isHeld(s), !isOpen(s)].filter(Boolean);
      expect(kinds, s).toHaveLength(1);
    }
    expect([...heldStatuses]).toEqual(['in_behandeling', 'reactie_gevraagd', 'doorgestuurd']);
  });
});

describe('claimRefusal', () => {
  it('says ALREADY_CLAIMED when someone has it, INVALID_TRANSITION when it is closed', () => {
    expect(claimRefusal('in_behandeling', 'u1')).toBe('ALREADY_CLAIMED');
    expect(claimRefusal('doorgestuurd', null)).toBe('ALREADY_CLAIMED');
    expect(claimRefusal('ingedeeld', 'u1')).toBe('ALREADY_CLAIMED');
    expect(claimRefusal('afgehandeld', null)).toBe('INVALID_TRANSITION');
    expect(claimRefusal('geannuleerd', null)).toBe('INVALID_TRANSITION');
  });
});

describe('assigneeAfter', () => {
  const statusArb = fc.constantFrom(...meldingStatuses);
  const userArb = fc.option(fc.constantFrom('u1', 'u2'), { nil: null });

  it('taking it up makes the actor the assignee; back on the queue clears it; else unchanged', () => {
    expect(assigneeAfter({ from: 'ingedeeld', to: 'in_behandeling', current: 'u2', actorId: 'u1' })).toBe(
      'u1',
    );
    expect(
      assigneeAfter({ from: 'reactie_gevraagd', to: 'in_behandeling', current: 'u2', actorId: 'u1' }),
    ).toBe(undefined);
    expect(assigneeAfter({ from: 'doorgestuurd', to: 'in_behandeling', current: null, actorId: 'u1' })).toBe(
      'u1',
    );
    expect(assigneeAfter({ from: 'ingedeeld', to: 'ingedeeld', current: 'u2', actorId: 'u1' })).toBeNull();
    expect(assigneeAfter({ from: 'afgehandeld', to: 'heropend', current: 'u2', actorId: 'u1' })).toBeNull();
    expect(assigneeAfter({ from: 'in_behandeling', to: 'afgehandeld', current: 'u1', actorId: 'u1' })).toBe(
      undefined,
    );
  });

  it('never hands a melding to anyone but the actor, and only when it goes to in_behandeling', () => {
    fc.assert(
      fc.property(statusArb, statusArb, userArb, (from, to, current) => {
        const after = assigneeAfter({ from, to, current, actorId: 'actor' });
        if (typeof after === 'string') {
          expect(after).toBe('actor');
          expect(to).toBe('in_behandeling');
        }
        if (to === 'in_behandeling' && isClaimable(from)) expect(after).toBe('actor');
      }),
      { seed: 21, numRuns: 200 },
    );
  });
});
