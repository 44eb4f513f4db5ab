import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import type { Mailer } from '@buurtsignaal/mail';
import { OwnRedis, testEnv, testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { describe, expect, it } from 'vitest';
import { startWorker } from '../src/worker.ts';
import { insertMelding, mailFrom, publicBaseUrl, silentLogger } from './support/helpers.ts';
import { useWorkerHarness } from './support/worker-harness.ts';

describe('graceful shutdown', () => {
  // The tests start and stop their own workers.
  const world = useWorkerHarness(testRedisPrefix('worker-shutdown'), { start: false });
  const prefix = world.prefix;

  it('lets a running job finish and record its result before close() resolves', async () => {
    let sending = false;
    // A slow SMTP relay: the mail is in flight when the shutdown starts.
    const slowMailer = Object.assign(Object.create(world.mailer) as Mailer, {
      sendMail: async (options: Parameters<Mailer['sendMail']>[0]) => {
        sending = true;
        await new Promise((r) => setTimeout(r, 700));
        return world.mailer.sendMail(options);
      },
    });
    const worker = await startWorker({
      database: world.testDb.client,
      redisUrl: testEnv.redisUrl,
      prefix,
      mailer: slowMailer,
      mailFrom,
      publicBaseUrl,
      logger: silentLogger,
      sweepIntervalMs: 200,
    });
    const m = await insertMelding(world.db, {
      melder: { email: 'laat@example.nl', wantsFeedback: true },
    });
    await waitUntil(() => sending, { what: 'the mail to be in flight' });
    await worker.close();
    expect(world.sink.received.map((r) => r.envelopeTo)).toEqual([['laat@example.nl']]);
    expect((await listEmailDeliveries(world.db, m.meldingId)).map((d) => d.status)).toEqual(['sent']);
  });

  it('closes while Redis is down, without hanging', async () => {
    const redis = await OwnRedis.start();
    try {
      const worker = await startWorker({
        database: world.testDb.client,
        redisUrl: redis.url,
        prefix,
        mailer: world.mailer,
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
