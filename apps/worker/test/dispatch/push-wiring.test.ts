import { wallClockInstant } from '@buurtsignaal/core';
import { listNoticesForMelding } from '@buurtsignaal/db/tables/dispatch-notices-repository';
import { savePushSubscription } from '@buurtsignaal/db/tables/push-subscriptions-repository';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { FakePushService, testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { insertMelding } from '../support/helpers.ts';
import { seedRosterStaff } from '../support/routing-fixtures.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

// The worker as it runs, with VAPID keys: a melding from the outbox is routed and dispatched, and the
// boa on duty whose phone is subscribed gets one push notice, and no e-mail.

const NOW = wallClockInstant('2026-06-02', '20:00');
const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:beheer@soest.test' };

describe('Web Push in the running worker', () => {
  const world = useWorkerHarness(testRedisPrefix('worker-push-wiring'), {
    start: false,
    now: () => NOW,
    push: vapid,
  });
  let pushService: FakePushService;
  let boaId: string;
  beforeAll(async () => {
    pushService = await FakePushService.start();
    ({ boaId } = await seedRosterStaff(world.db));
    await generateShiftInstancesAhead(world.db, { now: wallClockInstant('2026-06-01', '00:00') });
    await world.start();
  });
  afterAll(async () => {
    await pushService?.close();
  });

  it('sends the subscribed boa on duty exactly one notice, and no mail', async () => {
    const device = pushService.subscribe();
    await savePushSubscription(world.db, {
      userId: boaId,
      endpoint: device.endpoint,
      ...device.keys,
      userAgentLabel: 'Chrome op Android',
      at: NOW,
    });
    const m = await insertMelding(world.db, {});
    const notices = await waitUntil(
      async () => {
        const found = await listNoticesForMelding(world.db, m.meldingId);
        return found.filter((n) => n.status === 'sent').length === 2 && found;
      },
      { what: 'the notices of the boa on duty' },
    );
    expect(notices.map((n) => [n.userId, n.channel, n.status]).sort()).toEqual([
      [boaId, 'console', 'sent'],
      [boaId, 'push', 'sent'],
    ]);
    const got = pushService.receivedBy(device.endpoint);
    expect(got).toHaveLength(1);
    expect(JSON.parse(got[0]?.text ?? '{}')).toMatchObject({
      meldingId: m.meldingId,
      reference: m.reference,
    });
    expect(world.sink.received.filter((r) => r.parsed.subject?.includes(m.reference))).toEqual([]);
  });
});
