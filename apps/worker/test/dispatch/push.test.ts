import { randomUUID } from 'node:crypto';
import { schema } from '@buurtsignaal/db';
import { upsertAreas } from '@buurtsignaal/db/tables/areas-repository';
import {
  listPushSubscriptions,
  savePushSubscription,
} from '@buurtsignaal/db/tables/push-subscriptions-repository';
import { updateTeamSettings } from '@buurtsignaal/db/tables/teams-repository';
import { FakePushService, type FakeSubscription, testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { runDispatchStep } from '../../src/dispatch/dispatch-service.ts';
import { VAPID_REUSE_MS } from '../../src/dispatch/vapid-headers.ts';
import { jobIds } from '../../src/queues.ts';
import { at, createDispatchWorld, type DispatchWorld, staff } from './dispatch-world.ts';

// Web Push to the officer's phone: the notice reaches the push service signed (VAPID) and encrypted
// (aes128gcm) and holds no personal data; a device the push service says is gone is forgotten and its
// officer mailed; an officer without a device is mailed; a team can have every officer mailed as well.

const TUESDAY = '2026-06-02';
const DESCRIPTION = 'Groep jongeren bij de speeltuin, een van hen heet Pietje Puk';
const ADDRESS = 'Steenhoffstraat 46, 3764 BH Soest';
const CONTACT = { email: 'melder.geheim@example.nl', phone: '0612345678' };

const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:beheer@soest.test' };

describe('dispatch through Web Push', () => {
  let w: DispatchWorld;
  let pushService: FakePushService;
  beforeAll(async () => {
    pushService = await FakePushService.start();
    w = await createDispatchWorld(testRedisPrefix('worker-dispatch-push'), { push: vapid });
    await upsertAreas(
      w.db,
      [
        {
          code: 'WK034201',
          naam: 'Soest-Zuid',
          kind: 'wijk',
          gemeenteCode: 'GM0342',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [5.2, 52.1],
                [5.3, 52.1],
                [5.3, 52.2],
                [5.2, 52.1],
              ],
            ],
          },
        },
      ],
      new Date(),
    );
  });
  afterAll(async () => {
    await w?.close();
    await pushService?.close();
  });

  const subscribe = async (userId: string): Promise<FakeSubscription> => {
    const s = pushService.subscribe();
    await savePushSubscription(w.db, {
      userId,
      ...s.keys,
      endpoint: s.endpoint,
      userAgentLabel: null,
      at: new Date(),
    });
    return s;
  };

  /** A spoed melding with everything a melder may give: none of it may reach a push service. */
  const spoedMelding = async (time: string) => {
    const job = await w.assign({
      teamId: 'boa-team',
      priority: 'spoed',
      now: at(TUESDAY, time),
      enqueue: false,
    });
    await w.db
      .update(schema.meldingen)
      .set({ description: DESCRIPTION, addressText: ADDRESS, wijkCode: 'WK034201' })
      .where(eq(schema.meldingen.id, job.meldingId));
    await w.db
      .insert(schema.melders)
      .values({ id: randomUUID(), meldingId: job.meldingId, ...CONTACT, wantsFeedback: true });
    await w.queues.roster('boa-team').add('assignment', job, { jobId: jobIds.roster(job.assignmentId) });
    await w.completed('boa-team', jobIds.roster(job.assignmentId));
    return job;
  };

  it('sends the boa with a device one decryptable notice without personal data, and mails the other', async () => {
    const device = await subscribe(staff.vries.id);
    const job = await spoedMelding('20:00');
    expect(await w.notices(job.meldingId)).toEqual([
      { step: 0, user: 'J. Bakker', channel: 'console', status: 'sent' },
      { step: 0, user: 'J. Bakker', channel: 'email', status: 'sent' },
      { step: 0, user: 'M. de Vries', channel: 'console', status: 'sent' },
      { step: 0, user: 'M. de Vries', channel: 'push', status: 'sent' },
    ]);
    const got = pushService.receivedBy(device.endpoint);
    expect(got).toHaveLength(1);
    const notice = got[0];
    expect(notice?.vapid).toMatchObject({
      aud: pushService.url,
      sub: vapid.subject,
      publicKey: vapid.publicKey,
    });
    expect(notice?.headers).toMatchObject({ urgency: 'high', 'content-encoding': 'aes128gcm' });
    const payload = JSON.parse(notice?.text ?? '{}') as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(['category', 'meldingId', 'priority', 'reference', 'wijk']);
    expect(payload).toEqual({
      meldingId: job.meldingId,
      reference: job.reference,
      category: 'Jeugdoverlast',
      priority: 'spoed',
      wijk: 'Soest-Zuid',
    });
    for (const secret of [DESCRIPTION, 'Pietje', ADDRESS, 'Steenhoff', CONTACT.email, CONTACT.phone]) {
      expect(notice?.text).not.toContain(secret);
    }
    // Bakker has no device: the mail; De Vries has one: no mail.
    await w.sink.waitFor(1);
    const mailed = w.sink.received.filter((m) => m.parsed.subject?.includes(job.reference));
    expect(mailed.map((m) => m.envelopeTo[0])).toEqual([`${staff.bakker.id}@soest.test`]);
    const [row] = await listPushSubscriptions(w.db, [staff.vries.id]);
    expect(row?.lastSuccessAt).not.toBeNull();
    // The escalation step tells the device again, once.
    await w.fireAt(at(TUESDAY, '20:10'), 'boa-team', jobIds.pickup(job.assignmentId, 1));
    expect(pushService.receivedBy(device.endpoint)).toHaveLength(2);
  });

  it('signs one VAPID JWT per push service for an hour, then a new one; encrypts each notice anew', async () => {
    const [device] = await listPushSubscriptions(w.db, [staff.vries.id]);
    if (!device) throw new Error('de Vries has a device from the test before');
    const before = pushService.receivedBy(device.endpoint).length;
    await spoedMelding('20:20');
    await spoedMelding('20:25');
    const [first, second] = pushService.receivedBy(device.endpoint).slice(before);
    // Every notice of this file went to the one push service with one key set: one signature so far.
    expect(first?.vapid.token).toBeDefined();
    expect(second?.vapid.token).toBe(first?.vapid.token);
    expect(new Set(pushService.received.map((r) => r.vapid.token)).size).toBe(1);
    expect(second?.text).not.toBe(first?.text);
    // An hour and a minute later (the VAPID clock, real time): a new JWT, which the push service accepts.
    const job = await w.assign({
      teamId: 'boa-team',
      priority: 'spoed',
      now: at(TUESDAY, '20:40'),
      enqueue: false,
    });
    const later = Date.now() + VAPID_REUSE_MS + 60_000;
    await runDispatchStep(Object.assign(w.deps(), { vapidClock: () => later }), { ...job, step: 0 });
    const renewed = pushService.receivedBy(device.endpoint).at(-1);
    expect(JSON.parse(renewed?.text ?? '{}')).toMatchObject({ meldingId: job.meldingId });
    expect(renewed?.vapid.token).not.toBe(first?.vapid.token);
    expect(renewed?.vapid.exp).toBeGreaterThan((first?.vapid.exp ?? 0) + 3600);
  });

  it('forgets a device the push service says is gone (410) and mails its officer instead', async () => {
    const [old] = await listPushSubscriptions(w.db, [staff.vries.id]);
    if (old) pushService.answer(old.endpoint, 410);
    const job = await spoedMelding('21:00');
    expect(await listPushSubscriptions(w.db, [staff.vries.id])).toEqual([]);
    const vries = (await w.notices(job.meldingId)).filter((n) => n.user === 'M. de Vries');
    expect(vries).toEqual([
      { step: 0, user: 'M. de Vries', channel: 'console', status: 'sent' },
      { step: 0, user: 'M. de Vries', channel: 'email', status: 'sent' },
      { step: 0, user: 'M. de Vries', channel: 'push', status: 'failed' },
    ]);
    const mails = await waitUntil(() => {
      const found = w.sink.received.filter(
        (m) =>
          m.parsed.subject?.includes(job.reference) && m.envelopeTo[0] === `${staff.vries.id}@soest.test`,
      );
      return found.length > 0 && found;
    });
    expect(mails).toHaveLength(1);
  });

  it('mails every officer as well when the team says so', async () => {
    const device = await subscribe(staff.bakker.id);
    await updateTeamSettings(w.db, 'boa-team', { notifyEmailAlways: true, at: new Date() });
    try {
      const job = await spoedMelding('22:00');
      const bakker = (await w.notices(job.meldingId)).filter((n) => n.user === 'J. Bakker');
      expect(bakker.map((n) => [n.channel, n.status])).toEqual([
        ['console', 'sent'],
        ['email', 'sent'],
        ['push', 'sent'],
      ]);
      expect(pushService.receivedBy(device.endpoint)).toHaveLength(1);
    } finally {
      await updateTeamSettings(w.db, 'boa-team', { notifyEmailAlways: false, at: new Date() });
    }
  });

  it('tries a push service that fails again with the job, and then the device gets it once', async () => {
    const [device] = await listPushSubscriptions(w.db, [staff.bakker.id]);
    if (!device) throw new Error('bakker has a device from the test before');
    pushService.answer(device.endpoint, 503, 1);
    const job = await spoedMelding('20:30');
    const refused = pushService.refused.filter((r) => r.endpoint === device.endpoint && r.status === 503);
    expect(refused).toHaveLength(1);
    const delivered = pushService
      .receivedBy(device.endpoint)
      .filter((r) => (JSON.parse(r.text) as { meldingId: string }).meldingId === job.meldingId);
    expect(delivered).toHaveLength(1);
    const bakker = (await w.notices(job.meldingId)).filter((n) => n.user === 'J. Bakker');
    expect(bakker.find((n) => n.channel === 'push')?.status).toBe('sent');
  });
  it('mails the officer when the push service fails every attempt (503), once', async () => {
    const [device] = await listPushSubscriptions(w.db, [staff.bakker.id]);
    if (!device) throw new Error('bakker has a device from the tests before');
    pushService.answer(device.endpoint, 503);
    try {
      const job = await w.assign({
        teamId: 'boa-team',
        priority: 'spoed',
        now: at(TUESDAY, '21:30'),
        enqueue: false,
      });
      const jobId = jobIds.roster(job.assignmentId);
      await w.queues
        .roster('boa-team')
        .add('assignment', job, { jobId, attempts: 3, backoff: { type: 'fixed', delay: 10 } });
      await w.completed('boa-team', jobId);
      const refused = pushService.refused.filter((r) => r.endpoint === device.endpoint && r.status === 503);
      expect(refused.length).toBeGreaterThanOrEqual(3);
      const bakker = (await w.notices(job.meldingId)).filter((n) => n.user === 'J. Bakker');
      expect(bakker).toEqual([
        { step: 0, user: 'J. Bakker', channel: 'console', status: 'sent' },
        { step: 0, user: 'J. Bakker', channel: 'email', status: 'sent' },
        { step: 0, user: 'J. Bakker', channel: 'push', status: 'failed' },
      ]);
      const toBakker = () =>
        w.sink.received.filter(
          (m) =>
            m.parsed.subject?.includes(job.reference) && m.envelopeTo[0] === `${staff.bakker.id}@soest.test`,
        );
      await waitUntil(() => toBakker().length > 0);
      // Run again (a job that ran twice): still one e-mail notice and one mail.
      await runDispatchStep(w.deps(), { ...job, step: 0 }, true);
      const again = (await w.notices(job.meldingId)).filter((n) => n.user === 'J. Bakker' && n.step === 0);
      expect(again.filter((n) => n.channel === 'email')).toHaveLength(1);
      expect(toBakker().filter((m) => m.parsed.subject?.includes(job.reference))).toHaveLength(1);
    } finally {
      pushService.answer(device.endpoint, 201, 0);
    }
  });
});
