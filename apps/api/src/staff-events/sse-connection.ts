import type { Duplex } from 'node:stream';
import { isMeldingStatus, isPriority } from '@buurtsignaal/core';
import {
  STAFF_EVENT_NAME,
  type StaffEvent,
  type StaffEventKind,
  staffEventKinds,
  staffEventSchema,
} from '@buurtsignaal/core/contract';
import type { StaffEventRow } from '@buurtsignaal/db/tables/staff-events-repository';
import { z } from 'zod';

// The Server-Sent Events wire format (WHATWG HTML §9.2): a few lines per message, written by hand —
// the hard parts (replay, fan-out, backpressure) are ours whichever library frames the lines.

/** What the console is told to wait before it reconnects. */
export const RETRY_MS = 3_000;

export interface SseConnectionOptions {
  /** Comment lines every so often keep proxies and the browser from timing the stream out. */
  heartbeatMs: number;
  /**
   * A console that reads slower than events come is cut off once this much waits for it (it reconnects
   * with Last-Event-ID and is replayed from the table), instead of the server buffering without end.
   */
  maxBufferedBytes: number;
  /** The stream ends after this long: the console reconnects, and its session is checked again. */
  maxConnectionMs: number;
}

const isKind = (v: string): v is StaffEventKind => (staffEventKinds as readonly string[]).includes(v);

/** A row as the contract's StaffEvent; undefined for a kind this version does not know. */
export function toStaffEvent(row: StaffEventRow): StaffEvent | undefined {
  if (!isKind(row.kind)) return undefined;
  return {
    id: row.id,
    kind: row.kind,
    meldingId: row.meldingId,
    reference: row.reference,
    teamId: row.teamIds[0] ?? null,
    priority: row.priority !== null && isPriority(row.priority) ? row.priority : null,
    status: row.status !== null && isMeldingStatus(row.status) ? row.status : null,
    at: row.createdAt,
  };
}

export function formatEvent(event: StaffEvent): string {
  const data = JSON.stringify(z.encode(staffEventSchema, event));
  return `id: ${event.id}\nevent: ${STAFF_EVENT_NAME}\ndata: ${data}\n\n`;
}

/**
 * Writes to one console's stream: the opening lines, events, heartbeats; ends it when the console
 * falls too far behind or the connection has lived its time. `close()` is idempotent.
 */
export function openSseConnection(
  stream: Duplex,
  options: SseConnectionOptions,
  onEnd: () => void,
): { send(row: StaffEventRow): void; close(): void } {
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    clearTimeout(lifetime);
    stream.end();
    onEnd();
  };
  const write = (chunk: string) => {
    if (!open) return;
    stream.write(chunk);
    if (stream.writableLength + stream.readableLength > options.maxBufferedBytes) {
      // The backlog stays in the table; dropping the connection keeps it out of this process's memory.
      open = false;
      clearInterval(heartbeat);
      clearTimeout(lifetime);
      stream.destroy();
      onEnd();
    }
  };
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs);
  const lifetime = setTimeout(close, options.maxConnectionMs);
  stream.on('close', close);
  stream.on('error', close);
  write(`retry: ${RETRY_MS}\n: verbonden\n\n`);
  return {
    send(row) {
      const event = toStaffEvent(row);
      if (event) write(formatEvent(event));
    },
    close,
  };
}
