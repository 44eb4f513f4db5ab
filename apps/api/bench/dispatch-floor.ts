// The floor of `pnpm bench:dispatch`: the bare pipeline of the same shape as a melding's way to the
// officer's console — a Fastify route that inserts one row (plain pg) and adds one BullMQ job, a BullMQ
// worker that takes it and writes one event to a bare SSE stream served by the same Fastify app.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Queue, Worker } from 'bullmq';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import pg from 'pg';

export interface Floor {
  baseUrl: string;
  close(): Promise<void>;
}

export async function startFloor(o: {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  concurrency: number;
}): Promise<Floor> {
  const pool = new pg.Pool({ connectionString: o.databaseUrl, max: 10 });
  await pool.query('CREATE TABLE IF NOT EXISTS bench_floor (id uuid PRIMARY KEY, body jsonb NOT NULL)');
  const producer = new Redis(o.redisUrl, { maxRetriesPerRequest: 1 });
  const consumer = new Redis(o.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue<{ id: string }>('floor', { connection: producer, prefix: o.prefix });
  const streams = new Set<ServerResponse>();
  let eventId = 0;
  const worker = new Worker<{ id: string }>(
    'floor',
    async (job) => {
      const line = `id: ${++eventId}\nevent: melding\ndata: ${JSON.stringify({ meldingId: job.data.id })}\n\n`;
      for (const s of streams) s.write(line);
    },
    { connection: consumer, prefix: o.prefix, concurrency: o.concurrency },
  );

  const app = Fastify({ logger: false });
  app.post('/floor', async (req, reply) => {
    const id = randomUUID();
    await pool.query('INSERT INTO bench_floor (id, body) VALUES ($1, $2)', [id, JSON.stringify(req.body)]);
    await queue.add('melding', { id }, { removeOnComplete: true });
    return reply.code(201).send({ id });
  });
  app.get('/floor/events', (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write(': open\n\n');
    streams.add(res);
    req.raw.on('close', () => streams.delete(res));
  });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  await worker.waitUntilReady();
  return {
    baseUrl,
    async close() {
      for (const s of streams) s.end();
      await app.close();
      await worker.close();
      await queue.close();
      producer.disconnect();
      consumer.disconnect();
      await pool.end();
    },
  };
}
