import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meldingStatuses, notifiesMelder } from '../status-machine.ts';
import {
  canReceiveMail,
  MELDER_ACTOR,
  melderGetsStatusMail,
  staffActor,
  statusChangeReachesMelder,
} from './mail-policy.ts';

const reachable = { email: 'bewoner@example.nl', wantsFeedback: true, anonymised: false };

describe('canReceiveMail', () => {
  it('needs an address, the wish for terugkoppeling and no anonymisation', () => {
    expect(canReceiveMail(reachable)).toBe(true);
    expect(canReceiveMail({ ...reachable, email: null })).toBe(false);
    expect(canReceiveMail({ ...reachable, email: '' })).toBe(false);
    expect(canReceiveMail({ ...reachable, wantsFeedback: false })).toBe(false);
    expect(canReceiveMail({ ...reachable, anonymised: true })).toBe(false);
  });
});

describe('statusChangeReachesMelder', () => {
  it("follows the status machine for staff's and the system's changes", () => {
    for (const status of meldingStatuses) {
      expect(statusChangeReachesMelder({ status, actor: staffActor('u1') })).toBe(notifiesMelder(status));
      expect(statusChangeReachesMelder({ status, actor: 'systeem' })).toBe(notifiesMelder(status));
    }
    expect(statusChangeReachesMelder({ status: 'ingedeeld', actor: 'systeem' })).toBe(false);
    expect(statusChangeReachesMelder({ status: 'afgehandeld', actor: staffActor('u1') })).toBe(true);
  });

  it("keeps the melder's own action from them, except their reopen", () => {
    expect(statusChangeReachesMelder({ status: 'in_behandeling', actor: MELDER_ACTOR })).toBe(false);
    expect(statusChangeReachesMelder({ status: 'heropend', actor: MELDER_ACTOR })).toBe(true);
    for (const status of meldingStatuses.filter((s) => s !== 'heropend')) {
      expect(statusChangeReachesMelder({ status, actor: MELDER_ACTOR }), status).toBe(false);
    }
  });
});

describe('melderGetsStatusMail', () => {
  const statusArb = fc.constantFrom(...meldingStatuses);
  const actorArb = fc.oneof(
    fc.constant(MELDER_ACTOR),
    fc.constant('systeem'),
    fc.uuid().map(staffActor),
    fc.constant(undefined),
  );
  const recipientArb = fc.record({
    email: fc.option(fc.constantFrom('', 'a@example.nl'), { nil: null }),
    wantsFeedback: fc.boolean(),
    anonymised: fc.boolean(),
  });

  it('is exactly: the change reaches the melder and the melder can receive mail', () => {
    fc.assert(
      fc.property(statusArb, actorArb, recipientArb, (status, actor, recipient) => {
        const mailed = melderGetsStatusMail({ status, actor }, recipient);
        expect(mailed).toBe(statusChangeReachesMelder({ status, actor }) && canReceiveMail(recipient));
        // Never for a status the melder is not told of, never for someone who cannot receive mail.
        if (!notifiesMelder(status) || !canReceiveMail(recipient)) expect(mailed).toBe(false);
        if (actor === MELDER_ACTOR && status !== 'heropend') expect(mailed).toBe(false);
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});
