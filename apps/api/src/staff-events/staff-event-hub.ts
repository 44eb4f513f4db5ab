import type { DatabaseClient } from '@buurtsignaal/db';
import {
  latestStaffEventId,
  listStaffEventsAfter,
  STAFF_EVENTS_CHANNEL,
  type StaffEventRow,
} from '@buurtsignaal/db/tables/staff-events-repository';
import type { FastifyBaseLogger } from 'fastify';

/** One console connection as the hub sees it. */
export interface StaffEventSubscriber {
  /** Whether this console may see the event (its teams). */
  accepts(row: StaffEventRow): boolean;
  /** Called with events in id order, each once, only with ids above what it already had. */
  deliver(row: StaffEventRow): void;
}

export interface StaffEventHub {
  /**
   * Adds a console. With `lastEventId` it is first given every event after that id (from the table),
   * then the live ones: none missed, none twice. Resolves to its unsubscribe function.
   */
  subscribe(subscriber: StaffEventSubscriber, lastEventId: number | undefined): Promise<() => void>;
  close(): Promise<void>;
}

export interface StaffEventHubOptions {
  database: DatabaseClient;
  log: FastifyBaseLogger;
  /**
   * A read of the table every so often, in case a NOTIFY was lost (a writer that died between commit
   * and NOTIFY); the LISTEN connection's reconnect reads it at once. Default 5 s.
   */
  pollMs?: number | undefined;
  pageSize?: number | undefined;
}

interface Entry {
  subscriber: StaffEventSubscriber;
  cursor: number;
  /** Live events held while the replay from the table runs. */
  held: StaffEventRow[] | undefined;
}

/**
 * The fan-out of one API instance: one LISTEN connection, one read of the table per wake-up, each new
 * event handed to the consoles connected here. Every instance has its own, so a console on any
 * instance gets the events written by any api or worker process. The hub reads "id > last seen" and
 * writers make ids visible in order (staff-events-repository), so it never skips an event.
 */
export function createStaffEventHub(options: StaffEventHubOptions): StaffEventHub {
  const { database, log } = options;
  const db = database.db;
  const pageSize = options.pageSize ?? 500;
  const entries = new Set<Entry>();
  let lastId = 0;
  let started: Promise<void> | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let poll: NodeJS.Timeout | undefined;
  let reading: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const send = (entry: Entry, row: StaffEventRow) => {
    if (row.id <= entry.cursor) return;
    entry.cursor = row.id;
    if (!entry.subscriber.accepts(row)) return;
    try {
      entry.subscriber.deliver(row);
    } catch (err) {
      log.warn({ err }, 'staff events: a console could not take an event');
    }
  };

  async function readNew(): Promise<void> {
    for (;;) {
      const rows = await listStaffEventsAfter(db, { after: lastId, limit: pageSize });
      for (const row of rows) {
        // lastId moves in the same tick as the rows go out: a console that subscribes sees either the
        // event live or below its replay bound, never neither.
        lastId = row.id;
        for (const entry of entries) {
          if (entry.held) entry.held.push(row);
          else send(entry, row);
        }
      }
      if (rows.length < pageSize) return;
    }
  }

  /** Reads what is new; wake-ups during a read make one more read after it. */
  function wake(): void {
    if (closed || !started) return;
    if (reading) {
      again = true;
      return;
    }
    reading = (async () => {
      do {
        again = false;
        try {
          await readNew();
        } catch (err) {
          log.warn({ err }, 'staff events: reading new events failed; the next wake-up tries again');
        }
      } while (again && !closed);
    })().finally(() => {
      reading = undefined;
    });
  }

  function start(): Promise<void> {
    started ??= (async () => {
      lastId = await latestStaffEventId(db);
      // After a reconnect, NOTIFYs sent meanwhile are lost: read what came since.
      unlisten = await database.listen(STAFF_EVENTS_CHANNEL, wake, { onReconnect: wake });
      poll = setInterval(wake, options.pollMs ?? 5_000);
      poll.unref();
    })().catch((err: unknown) => {
      started = undefined;
      throw err;
    });
    return started;
  }

  async function replay(entry: Entry, upTo: number): Promise<void> {
    for (;;) {
      const rows = await listStaffEventsAfter(db, { after: entry.cursor, upTo, limit: pageSize });
      for (const row of rows) send(entry, row);
      if (rows.length < pageSize) return;
    }
  }

  return {
    async subscribe(subscriber, lastEventId) {
      await start();
      const upTo = lastId;
      const replaying = lastEventId !== undefined && lastEventId < upTo;
      const entry: Entry = {
        subscriber,
        cursor: lastEventId ?? upTo,
        held: replaying ? [] : undefined,
      };
      entries.add(entry);
      if (replaying) {
        try {
          await replay(entry, upTo);
        } catch (err) {
          entries.delete(entry);
          throw err;
        }
        const held = entry.held ?? [];
        entry.held = undefined;
        for (const row of held) send(entry, row);
      }
      return () => {
        entries.delete(entry);
      };
    },
    async close() {
      closed = true;
      entries.clear();
      if (poll) clearInterval(poll);
      await reading;
      await unlisten?.();
    },
  };
}
