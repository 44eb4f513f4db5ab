import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { createMailTransport, type Mailer } from '@buurtsignaal/mail';
import {
  cleanRedisPrefix,
  createTestDatabase,
  OwnRedis,
  SmtpSink,
  type TestDatabase,
  testEnv,
  testRedisPrefix,
  waitUntil,
} from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '../src/worker.ts';
import { insertMelding, mailFrom, publicBaseUrl, silentLogger } from './support/helpers.ts';

describe('graceful shutdown', () => {
  let testDb: TestDatabase;
  let sink: SmtpSink;
  let mailer: Mailer;
  const prefix = testRedisPrefix('worker-shutdown');

  beforeAll(async () => {
    testDb = await createTestDatabase();
    sink = await SmtpSink.start();
    mailer = createMailTransport({ smtpUrl: sink.url });
  });

  afterAll(async () => {
    mailer?.close();
    await sink?.close();
    await testDb?.drop();
    await cleanRedisPrefix(prefix);
  });

  it('lets a running job finish and record its result before close() resolves', async () => {
    let sending = false;
    // A slow SMTP relay: the mail is in flight when the shutdown starts.
    const slowMailer = Object.assign(Object.create(mailer) as Mailer, {
      sendMail: async (options: Parameters<Mailer['sendMail']>[0]) => {
        sending = true;
        await new Promise((r) => setTimeout(r, 700));
        return mailer.sendMail(options);
      },
    });
    const worker = await startWorker({
      database: testDb.client,
      redisUrl: testEnv.redisUrl,
      prefix,
      mailer: slowMailer,
      mailFrom,
      publicBaseUrl,
      logger: silentLogger,
      sweepIntervalMs: 200,
    });
    const m = await insertMelding(testDb.client.db, {
      melder: { email: 'laat@example.nl', wantsFeedback: true },
    });
    await waitUntil(() => sending, { what: 'the mail to be in flight' });
    await worker.close();
    expect(sink.received.map((r) => r.envelopeTo)).toEqual([['laat@example.nl']]);
    expect((await listEmailDeliveries(testDb.client.db, m.meldingId)).map((d) => d.status)).toEqual(['sent']);
  });

  it('closes while Redis is down, without hanging', async () => {
    const redis = await OwnRedis.start();
    try {
      const worker = await startWorker({
        database: testDb.client,
        redisUrl: redis.url,
        prefix,
        mailer,
        mailFrom,
        publicBaseUrl,
        logger: silentLogger,
        sweepIntervalMs: 200,
      });
      await redis.stop();
      const started = Date.now();
      await worker.close();
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await redis.stop();
    }
  });
});
