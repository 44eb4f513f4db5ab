import { SecretBox } from '@buurtsignaal/db';
import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { testRedisPrefix, waitForIdleQueues, waitUntil } from '@buurtsignaal/testkit';
import { describe, expect, it } from 'vitest';
import { deliverNotification } from '../../src/notifications/notification-worker.ts';
import {
  insertMelding,
  insertStatusChange,
  mailFrom,
  meldingRow,
  outboxOf,
  publicBaseUrl,
  silentLogger,
  statusEventsOf,
} from '../support/helpers.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

describe('terugkoppeling: delivery, retries and idempotency against a real SMTP server', () => {
  const statusLinkBox = new SecretBox(Buffer.alloc(32, 11));
  const world = useWorkerHarness(testRedisPrefix('worker-terugkoppeling-delivery'), {
    statusLinkBox,
    retry: { notifications: { attempts: 3, backoffMs: 100 } },
  });

  const db = () => world.db;
  const mailsTo = (address: string) => world.sink.received.filter((m) => m.envelopeTo.includes(address));
  const refusalsTo = (address: string) => world.sink.refused.filter((r) => r.envelopeTo.includes(address));
  const melding = (email: string, withOutbox = false) =>
    insertMelding(db(), { melder: { email, wantsFeedback: true }, statusLinkBox, withOutbox });
  const notificationJob = (statusEventId: number) =>
    waitUntil(() => world.inspector.queue('notifications').getJob(`notify-status-${statusEventId}`), {
      what: 'the notification job',
    });

  it('the relay turns melding.status_changed into one status_gewijzigd job', async () => {
    const m = await melding('contract@example.nl');
    const change = await insertStatusChange(db(), m.meldingId, { from: 'ingedeeld', to: 'in_behandeling' });
    const job = await notificationJob(change.statusEventId);
    expect(job.name).toBe('status_gewijzigd');
    expect(job.data).toEqual({
      meldingId: m.meldingId,
      template: 'status_gewijzigd',
      notificationKey: `status-${change.statusEventId}`,
      statusEventId: change.statusEventId,
    });
    const [mail] = await waitUntil(
      () => mailsTo('contract@example.nl').length === 1 && mailsTo('contract@example.nl'),
    );
    expect(mail?.parsed.subject).toBe(`Uw melding ${m.reference}: in behandeling`);
    expect(mail?.parsed.text).toContain('Een medewerker is met uw melding aan de slag.');
  });

  it('sends a status mail once, however often its job runs', async () => {
    const address = 'tweemaal@example.nl';
    const m = await melding(address);
    // The event and outbox row exist; the job is run here by hand, twice, besides the worker's own run.
    const change = await insertStatusChange(db(), m.meldingId, {
      from: 'in_behandeling',
      to: 'afgehandeld',
      publicMessage: 'Klaar.',
    });
    const deps = {
      db: db(),
      mailer: world.mailer,
      mailFrom,
      publicBaseUrl,
      statusLinkBox,
      logger: silentLogger,
    };
    const job = {
      meldingId: m.meldingId,
      template: 'status_gewijzigd' as const,
      notificationKey: `status-${change.statusEventId}`,
      statusEventId: change.statusEventId,
    };
    const queued = await notificationJob(change.statusEventId);
    await waitUntil(async () => (await queued.getState()) === 'completed', { what: 'the queued job' });
    expect(await deliverNotification(deps, job, { isLastAttempt: false })).toBe('already-sent');
    expect(await deliverNotification(deps, job, { isLastAttempt: false })).toBe('already-sent');
    expect(mailsTo(address)).toHaveLength(1);
    const deliveries = await listEmailDeliveries(db(), m.meldingId);
    expect(deliveries.map((d) => d.status)).toEqual(['sent']);
  });

  it('retries after 451 and delivers exactly one mail (retrying, then sent)', async () => {
    const address = 'grijs@example.nl';
    const m = await melding(address);
    world.sink.next({ code: 451, message: '4.7.1 Greylisted, try again later' });
    const change = await insertStatusChange(db(), m.meldingId, {
      from: 'in_behandeling',
      to: 'doorgestuurd',
      publicMessage: 'Doorgestuurd naar de woningcorporatie.',
    });
    await waitUntil(() => mailsTo(address).length === 1, { what: 'the mail after the retry' });
    const deliveries = await waitUntil(async () => {
      const rows = await listEmailDeliveries(db(), m.meldingId);
      return rows.length === 2 && rows.every((d) => d.status !== 'sending') && rows;
    });
    expect(deliveries.map((d) => [d.notificationKey, d.attempt, d.status])).toEqual([
      [`status-${change.statusEventId}`, 1, 'retrying'],
      [`status-${change.statusEventId}`, 2, 'sent'],
    ]);
    expect(deliveries[0]?.error).toMatch(/Greylisted/);
    expect(refusalsTo(address).map((r) => r.code)).toEqual([451]);
    const job = await notificationJob(change.statusEventId);
    await waitUntil(async () => (await job.getState()) === 'completed');
    // Count only when no job is left that could still send one.
    await waitForIdleQueues(world.prefix);
    expect(mailsTo(address)).toHaveLength(1);
    expect(mailsTo(address)[0]?.parsed.subject).toBe(`Uw melding ${m.reference}: doorgestuurd`);
  });

  it('550 is recorded as failed, not retried, and leaves the status change as it was', async () => {
    const address = 'onbekend@example.nl';
    const m = await melding(address);
    world.sink.next({ code: 550, message: '5.1.1 <onbekend@example.nl>: Recipient address rejected' });
    const change = await insertStatusChange(db(), m.meldingId, {
      from: 'in_behandeling',
      to: 'afgehandeld',
      publicMessage: 'Afgehandeld.',
    });
    const job = await notificationJob(change.statusEventId);
    await waitUntil(async () => (await job.getState()) === 'failed', { what: 'the job to fail' });
    // A retry would be a delayed job: with none left to run, none will come.
    await waitForIdleQueues(world.prefix);
    expect(refusalsTo(address)).toHaveLength(1);
    expect(mailsTo(address)).toHaveLength(0);
    const deliveries = await listEmailDeliveries(db(), m.meldingId);
    expect(deliveries.map((d) => [d.attempt, d.status])).toEqual([[1, 'failed']]);
    expect(deliveries[0]?.smtpResponse ?? deliveries[0]?.error).toMatch(/550|Recipient address rejected/);
    const failed = await world.inspector.queue('notifications').getJob(job.id ?? '');
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).not.toContain(address);

    // The mail failed; the melding, its history and the outbox did not.
    expect((await meldingRow(db(), m.meldingId))?.status).toBe('afgehandeld');
    const events = await statusEventsOf(db(), m.meldingId);
    expect(events.map((e) => e.toStatus)).toEqual(['gemeld', 'afgehandeld']);
    const [outboxRow] = await outboxOf(db(), m.meldingId);
    expect(outboxRow?.relayedAt).toBeInstanceOf(Date);
  });
});
