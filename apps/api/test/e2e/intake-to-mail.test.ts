import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DatabaseClient, SecretBox } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { createMailTransport, type Mailer } from '@buurtsignaal/mail';
import {
  cleanRedisPrefix,
  createTestPglite,
  OwnRedis,
  SmtpSink,
  testEnv,
  testRedisPrefix,
  waitForIdleQueues,
  waitUntil,
} from '@buurtsignaal/testkit';
import { type RunningWorker, startWorker } from '@buurtsignaal/worker';
import { eq, isNull } from 'drizzle-orm';
import { pino } from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, jpegWithGps, multipart, type TestApp, validIntake } from '../support/helpers.ts';
import { useTestDatabase } from '../support/test-app.ts';

// The whole way of a melding across the process boundary the architecture draws: the API stores it, the
// worker's relay, routing and notification workers take it from the outbox, and a real SMTP server
// receives the confirmation. Nothing here calls a worker function directly.

const silent = pino({ level: 'silent' });
const publicBaseUrl = 'https://buurtsignaal.test';

interface Stack {
  t: TestApp;
  worker: RunningWorker;
  mailer: Mailer;
  close(): Promise<void>;
}

async function startStack(
  database: DatabaseClient,
  redisUrl: string,
  prefix: string,
  sink: SmtpSink,
): Promise<Stack> {
  const key = SecretBox.generateKey();
  const t = await buildTestApp(database, { env: { STATUS_LINK_KEY: key } });
  const mailer = createMailTransport({ smtpUrl: sink.url });
  const worker = await startWorker({
    database,
    redisUrl,
    prefix,
    mailer,
    mailFrom: 'Gemeente Soest <noreply@soest.test>',
    publicBaseUrl,
    statusLinkBox: SecretBox.fromBase64(key),
    logger: silent,
    // Long sweeps: the API's NOTIFY after each commit is what must wake the relay.
    sweepIntervalMs: 60_000,
    outboxRetryBackoff: { baseMs: 100, maxMs: 500 },
  });
  return {
    t,
    worker,
    mailer,
    async close() {
      await worker.close();
      mailer.close();
      await t.close();
    },
  };
}

const statusOf = async (db: DatabaseClient, id: string) =>
  (
    await db.db
      .select({ status: schema.meldingen.status })
      .from(schema.meldingen)
      .where(eq(schema.meldingen.id, id))
  )[0]?.status;

describe('intake → outbox → routing → confirmation mail (PostgreSQL, shared Redis)', () => {
  let sink: SmtpSink;
  let stack: Stack;
  const prefix = testRedisPrefix('e2e');
  const database = useTestDatabase();

  beforeAll(async () => {
    sink = await SmtpSink.start();
    stack = await startStack(database.client, testEnv.redisUrl, prefix, sink);
  });
  afterAll(async () => {
    await stack?.close();
    await sink?.close();
    await cleanRedisPrefix(prefix);
  });

  it('a JSON melding is routed to its team and confirmed by e-mail with the status link', async () => {
    const res = await stack.t.app.inject({
      method: 'POST',
      url: '/api/v1/meldingen',
      payload: validIntake({
        location: { lat: 52.1733, lng: 5.2917, address: 'Steenhoffstraat 46a, 3764 BM Soest' },
        contact: { email: 'json@example.nl', wantsFeedback: true },
      }),
    });
    expect(res.statusCode).toBe(201);
    const { id, reference, statusUrl } = res.json() as { id: string; reference: string; statusUrl: string };

    const mail = await waitUntil(() => sink.received.find((m) => m.envelopeTo.includes('json@example.nl')), {
      what: 'the confirmation mail',
    });
    expect(mail.parsed.subject).toContain(reference);
    expect(mail.parsed.text).toContain(statusUrl);
    expect(mail.parsed.text).toContain('Steenhoffstraat');
    expect(mail.parsed.text).not.toMatch(/Steenhoffstraat 46a|3764 ?BM/);

    await waitUntil(async () => (await statusOf(database.client, id)) === 'ingedeeld', { what: 'routing' });
    const assignments = await listAssignmentsForMelding(database.client.db, id);
    expect(assignments.map((a) => a.teamId)).toEqual(['boa-team']);
    // 'sending' is recorded before the SMTP conversation, 'sent' right after it.
    const deliveries = await waitUntil(async () => {
      const rows = await listEmailDeliveries(database.client.db, id);
      return rows.every((d) => d.status !== 'sending') && rows;
    });
    expect(deliveries.map((d) => d.status)).toEqual(['sent']);
  });

  it('a multipart melding with a photo: stored without EXIF, routed, confirmed', async () => {
    const { payload, headers } = await multipart(
      validIntake({ contact: { email: 'foto@example.nl', wantsFeedback: true } }),
      [{ filename: 'IMG_0001.jpg', data: await jpegWithGps() }],
    );
    const res = await stack.t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload, headers });
    expect(res.statusCode).toBe(201);
    const { id, reference } = res.json() as { id: string; reference: string };

    const [photo] = await database.client.db
      .select()
      .from(schema.attachments)
      .where(eq(schema.attachments.meldingId, id));
    expect(photo).toBeDefined();
    const stored = readFileSync(join(stack.t.photosDir, photo?.storageKey ?? 'missing'));
    expect((await sharp(stored).metadata()).exif).toBeUndefined();

    const mail = await waitUntil(() => sink.received.find((m) => m.envelopeTo.includes('foto@example.nl')), {
      what: 'the confirmation mail',
    });
    expect(mail.parsed.subject).toContain(reference);
    await waitUntil(async () => (await statusOf(database.client, id)) === 'ingedeeld', { what: 'routing' });
  });
});

describe('Redis down during intake (a redis-server of the test’s own)', () => {
  let sink: SmtpSink;
  let redis: OwnRedis;
  let stack: Stack;
  const prefix = testRedisPrefix('e2e-outage');
  const database = useTestDatabase();

  beforeAll(async () => {
    sink = await SmtpSink.start();
    redis = await OwnRedis.start();
    stack = await startStack(database.client, redis.url, prefix, sink);
  });
  afterAll(async () => {
    await stack?.close();
    await sink?.close();
    await redis?.stop();
  });

  it('still answers 201, and delivers exactly once after Redis returns', async () => {
    await redis.stop();
    const emails = ['storing-1@example.nl', 'storing-2@example.nl'];
    const ids: string[] = [];
    for (const email of emails) {
      const res = await stack.t.app.inject({
        method: 'POST',
        url: '/api/v1/meldingen',
        payload: validIntake({ contact: { email, wantsFeedback: true } }),
      });
      expect(res.statusCode).toBe(201);
      ids.push((res.json() as { id: string }).id);
    }
    // While Redis is away nothing moves, and nothing is lost: the relay tries (and fails) to publish,
    // and the rows wait in the outbox.
    await waitUntil(
      async () => {
        const rows = await database.client.db
          .select()
          .from(schema.outbox)
          .where(isNull(schema.outbox.relayedAt));
        return rows.length === ids.length && rows.every((r) => r.attempts >= 1);
      },
      { what: 'the relay to have tried every row while Redis is down' },
    );
    expect(sink.received).toHaveLength(0);
    for (const id of ids) expect(await statusOf(database.client, id)).toBe('gemeld');
    const pending = await database.client.db
      .select()
      .from(schema.outbox)
      .where(isNull(schema.outbox.relayedAt));
    expect(pending.map((r) => r.aggregateId).sort()).toEqual([...ids].sort());

    await redis.start();
    await sink.waitFor(2, 30_000);
    for (const id of ids) {
      await waitUntil(async () => (await statusOf(database.client, id)) === 'ingedeeld', {
        timeoutMs: 30_000,
      });
    }
    // Count only when nothing is left to run: every outbox row relayed, no job waiting or active.
    await waitUntil(
      async () =>
        (await database.client.db.select().from(schema.outbox).where(isNull(schema.outbox.relayedAt)))
          .length === 0,
      { what: 'every outbox row relayed' },
    );
    await waitForIdleQueues(prefix, { url: redis.url });
    expect(sink.received.map((m) => m.envelopeTo[0]).sort()).toEqual([...emails].sort());
    for (const id of ids) expect(await listAssignmentsForMelding(database.client.db, id)).toHaveLength(1);
  });
});

describe('the same way on the embedded database (PGlite)', () => {
  let database: DatabaseClient;
  let sink: SmtpSink;
  let stack: Stack;
  const prefix = testRedisPrefix('e2e-pglite');

  beforeAll(async () => {
    database = await createTestPglite();
    sink = await SmtpSink.start();
    stack = await startStack(database, testEnv.redisUrl, prefix, sink);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await sink?.close();
    await cleanRedisPrefix(prefix);
    await database?.close();
  });

  it('a JSON melding is routed and confirmed', async () => {
    const res = await stack.t.app.inject({
      method: 'POST',
      url: '/api/v1/meldingen',
      payload: validIntake({ contact: { email: 'pglite@example.nl', wantsFeedback: true } }),
    });
    expect(res.statusCode).toBe(201);
    const { id, reference } = res.json() as { id: string; reference: string };
    const mail = await waitUntil(
      () => sink.received.find((m) => m.envelopeTo.includes('pglite@example.nl')),
      {
        what: 'the confirmation mail',
      },
    );
    expect(mail.parsed.subject).toContain(reference);
    await waitUntil(async () => (await statusOf(database, id)) === 'ingedeeld', { what: 'routing' });
  });
});
