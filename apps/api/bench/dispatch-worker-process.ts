// `pnpm bench:dispatch`'s worker process: the real worker (startWorker) on the bench database and
// Redis prefix, mailing to the bench's SMTP sink and pushing to its fake push service.
import { createDatabase } from '@buurtsignaal/db';
import { createMailTransport } from '@buurtsignaal/mail';
import { testEnv } from '@buurtsignaal/testkit';
import { startWorker, type VapidKeys } from '@buurtsignaal/worker';
import { pino } from 'pino';
import { childOptions, serve } from './bench-process.ts';

const o = childOptions<{
  databaseUrl: string;
  prefix: string;
  smtpUrl: string;
  push: VapidKeys;
  pool: number;
  concurrency: number;
}>();
const database = await createDatabase({ databaseUrl: o.databaseUrl, poolMax: o.pool });
const mailer = createMailTransport({ smtpUrl: o.smtpUrl });
const worker = await startWorker({
  database,
  redisUrl: testEnv.redisUrl,
  prefix: o.prefix,
  mailer,
  mailFrom: 'Gemeente Soest <noreply@soest.test>',
  publicBaseUrl: 'https://buurtsignaal.test',
  logger: pino({ level: 'silent' }),
  push: o.push,
  // Every melding at a place of its own (~55 m apart): the look-up is paid, no melding joins another.
  grouping: { radiusMeters: 1, windowMinutes: 30 },
  concurrency: o.concurrency,
});
serve({}, async () => {
  await worker.close();
  mailer.close();
  await database.close();
});
