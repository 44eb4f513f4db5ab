import type { DatabaseClient } from '@buurtsignaal/db';
import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { createMailTransport, type Mailer } from '@buurtsignaal/mail';
import {
  cleanRedisPrefix,
  createTestPglite,
  SmtpSink,
  testEnv,
  testRedisPrefix,
  waitUntil,
} from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorker, startWorker } from '../../src/worker.ts';
import {
  insertMelding,
  mailFrom,
  meldingRow,
  outboxOf,
  publicBaseUrl,
  silentLogger,
} from '../support/helpers.ts';

// The embedded default: one process, one PGlite connection shared by relay, workers and intake.
describe('the whole flow on PGlite', () => {
  let database: DatabaseClient;
  let sink: SmtpSink;
  let mailer: Mailer;
  let worker: RunningWorker;
  const prefix = testRedisPrefix('worker-pglite');

  beforeAll(async () => {
    database = await createTestPglite();
    sink = await SmtpSink.start();
    mailer = createMailTransport({ smtpUrl: sink.url });
    worker = await startWorker({
      database,
      redisUrl: testEnv.redisUrl,
      prefix,
      mailer,
      mailFrom,
      publicBaseUrl,
      logger: silentLogger,
      // Long sweeps: LISTEN/NOTIFY inside PGlite must be what wakes the relay.
      sweepIntervalMs: 60_000,
    });
  });

  afterAll(async () => {
    await worker?.close();
    mailer?.close();
    await sink?.close();
    await database?.close();
    await cleanRedisPrefix(prefix);
  });

  it('relays, routes and mails, with meldingen arriving while jobs run', async () => {
    const meldingen = await Promise.all(
      ['a', 'b', 'c'].map((n) =>
        insertMelding(database.db, { melder: { email: `pglite-${n}@example.nl`, wantsFeedback: true } }),
      ),
    );
    await sink.waitFor(3, 20_000);
    for (const m of meldingen) {
      await waitUntil(async () => (await meldingRow(database.db, m.meldingId))?.status === 'ingedeeld');
      expect(await listAssignmentsForMelding(database.db, m.meldingId)).toHaveLength(1);
      expect((await outboxOf(database.db, m.meldingId))[0]?.relayedAt).not.toBeNull();
      await waitUntil(async () => {
        const rows = await listEmailDeliveries(database.db, m.meldingId);
        return rows.length === 1 && rows[0]?.status === 'sent';
      });
    }
    const subjects = sink.received.map((r) => r.parsed.subject).sort();
    expect(subjects).toEqual(meldingen.map((m) => `Uw melding ${m.reference} is ontvangen`).sort());
  });
});
