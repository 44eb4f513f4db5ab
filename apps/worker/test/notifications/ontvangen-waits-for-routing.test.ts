import { wallClockInstant as at } from '@buurtsignaal/core';
import { recordAssignment } from '@buurtsignaal/db/tables/assignments-repository';
import { testRedisPrefix } from '@buurtsignaal/testkit';
import { describe, expect, it } from 'vitest';
import { deliverNotification } from '../../src/notifications/notification-worker.ts';
import { RoutingPending } from '../../src/notifications/ontvangen-pickup.ts';
import { insertMelding, mailFrom, publicBaseUrl, silentLogger } from '../support/helpers.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

// The ontvangen mail says who picks the melding up and when. It waits for routing's stored assignment
// (what the dispatcher acts on), and after the limit goes with the preview of the same decision.

describe('the ontvangen mail and routing', () => {
  const world = useWorkerHarness(testRedisPrefix('worker-pickup-mail'), { start: false });
  const clock = at('2026-06-02', '23:30');
  const deps = () => ({
    db: world.db,
    mailer: world.mailer,
    mailFrom,
    publicBaseUrl,
    statusLinkBox: undefined,
    logger: silentLogger,
    now: () => clock,
    routingWaitMs: 5_000,
  });
  const mailTo = (address: string) => world.sink.received.find((m) => m.envelopeTo.includes(address));

  it('waits while routing has not stored the assignment, then says what the assignment says', async () => {
    const address = 'wacht@example.nl';
    const m = await insertMelding(world.db, {
      melder: { email: address, wantsFeedback: true },
      withOutbox: false,
    });
    const job = {
      meldingId: m.meldingId,
      template: 'ontvangen' as const,
      notificationKey: `ontvangen-${m.statusEventId}`,
    };
    await expect(
      deliverNotification(deps(), job, { isLastAttempt: false, waitedMs: 0 }),
    ).rejects.toBeInstanceOf(RoutingPending);
    expect(mailTo(address)).toBeUndefined();

    // Routing stores a spoed assignment to the police (as a rule would): the mail now names them.
    await world.db.transaction((tx) =>
      recordAssignment(tx, {
        id: crypto.randomUUID(),
        meldingId: m.meldingId,
        routingKey: `event-${m.statusEventId}`,
        teamId: 'politie-basisteam',
        priority: 'spoed',
        reason: 'test',
        fromStatus: 'gemeld',
        at: clock,
        deadlineAt: null,
      }),
    );
    expect(await deliverNotification(deps(), job, { isLastAttempt: false, waitedMs: 0 })).toBe('sent');
    await expect.poll(() => mailTo(address)?.parsed.text).toContain('Politie basisteam Eemland-Noord');
  });

  it('after the wait, goes with the preview of the routing decision', async () => {
    const address = 'preview@example.nl';
    const m = await insertMelding(world.db, {
      melder: { email: address, wantsFeedback: true },
      withOutbox: false,
    });
    const job = {
      meldingId: m.meldingId,
      template: 'ontvangen' as const,
      notificationKey: `ontvangen-${m.statusEventId}`,
    };
    expect(await deliverNotification(deps(), job, { isLastAttempt: false, waitedMs: 5_000 })).toBe('sent');
    await expect.poll(() => mailTo(address)?.parsed.text).toContain('Boa-team Soest is nu niet in dienst');
  });
});
