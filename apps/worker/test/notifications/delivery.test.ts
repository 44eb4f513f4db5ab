import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { testRedisPrefix, waitForIdleQueues, waitUntil } from '@buurtsignaal/testkit';
import { describe, expect, it } from 'vitest';
import { deliverNotification } from '../../src/notifications/notification-worker.ts';
import { insertMelding, mailFrom, publicBaseUrl, silentLogger } from '../support/helpers.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

describe('notification delivery against a real SMTP server', () => {
  const world = useWorkerHarness(testRedisPrefix('worker-mail'), {
    retry: { notifications: { attempts: 3, backoffMs: 100 } },
  });

  const mailsTo = (address: string) => world.sink.received.filter((m) => m.envelopeTo.includes(address));
  const refusalsTo = (address: string) => world.sink.refused.filter((r) => r.envelopeTo.includes(address));
  const notificationJob = (statusEventId: number) =>
    waitUntil(() => world.inspector.queue('notifications').getJob(`notify-ontvangen-${statusEventId}`));

  it('retries after 451 and delivers exactly one mail (retrying, then sent)', async () => {
    const address = 'greylisted@example.nl';
    world.sink.next({ code: 451, message: '4.7.1 Greylisted, try again later' });
    const m = await insertMelding(world.db, {
      melder: { email: address, wantsFeedback: true },
    });

    await waitUntil(() => mailsTo(address).length === 1, { what: 'the mail after the retry' });
    const deliveries = await waitUntil(async () => {
      const rows = await listEmailDeliveries(world.db, m.meldingId);
      return rows.length === 2 && rows.every((d) => d.status !== 'sending') && rows;
    });
    expect(deliveries.map((d) => [d.attempt, d.status])).toEqual([
      [1, 'retrying'],
      [2, 'sent'],
    ]);
    expect(deliveries[0]?.error).toMatch(/Greylisted/);
    expect(refusalsTo(address).map((r) => r.code)).toEqual([451]);

    const job = await notificationJob(m.statusEventId);
    await waitUntil(async () => (await job.getState()) === 'completed');
    // Count only when no job is left that could still send one.
    await waitForIdleQueues(world.prefix);
    expect(mailsTo(address)).toHaveLength(1);
  });

  it('marks 550 as failed at once and does not retry', async () => {
    const address = 'unknown-user@example.nl';
    world.sink.next({ code: 550, message: '5.1.1 <unknown-user@example.nl>: Recipient address rejected' });
    const m = await insertMelding(world.db, {
      melder: { email: address, wantsFeedback: true },
    });

    const job = await notificationJob(m.statusEventId);
    await waitUntil(async () => (await job.getState()) === 'failed', { what: 'the job to fail' });
    // A retry would be a delayed job: with none left to run, none will come.
    await waitForIdleQueues(world.prefix);
    expect(refusalsTo(address)).toHaveLength(1);
    expect(mailsTo(address)).toHaveLength(0);
    const deliveries = await listEmailDeliveries(world.db, m.meldingId);
    expect(deliveries.map((d) => [d.attempt, d.status])).toEqual([[1, 'failed']]);
    const failed = await world.inspector.queue('notifications').getJob(job.id ?? '');
    expect(failed?.attemptsMade).toBe(1);
    // No personal data in what BullMQ keeps in Redis.
    expect(failed?.failedReason).not.toContain(address);
    expect(failed?.failedReason).toContain('550');
  });

  it('gives up after the last attempt of a 4xx series and records it as failed', async () => {
    const address = 'always-busy@example.nl';
    world.sink.next({ code: 452 }, { code: 452 }, { code: 452 });
    const m = await insertMelding(world.db, {
      melder: { email: address, wantsFeedback: true },
    });

    const job = await notificationJob(m.statusEventId);
    await waitUntil(async () => (await job.getState()) === 'failed', { what: 'the job to fail' });
    const deliveries = await listEmailDeliveries(world.db, m.meldingId);
    expect(deliveries.map((d) => [d.attempt, d.status])).toEqual([
      [1, 'retrying'],
      [2, 'retrying'],
      [3, 'failed'],
    ]);
    expect(refusalsTo(address)).toHaveLength(3);
  });

  it('sends a notification once, however often its job runs', async () => {
    const address = 'twice@example.nl';
    const m = await insertMelding(world.db, {
      melder: { email: address, wantsFeedback: true },
      withOutbox: false,
    });
    const deps = {
      db: world.db,
      mailer: world.mailer,
      mailFrom,
      publicBaseUrl,
      statusLinkBox: undefined,
      logger: silentLogger,
    };
    const job = { meldingId: m.meldingId, template: 'ontvangen' as const, notificationKey: 'ontvangen-x1' };
    expect(await deliverNotification(deps, job, { isLastAttempt: false })).toBe('sent');
    expect(await deliverNotification(deps, job, { isLastAttempt: false })).toBe('already-sent');
    expect(mailsTo(address)).toHaveLength(1);
    // Without a status link key the mail points to the link from the intake instead.
    expect(mailsTo(address)[0]?.parsed.text).toContain('persoonlijke link die u kreeg');
  });
});
