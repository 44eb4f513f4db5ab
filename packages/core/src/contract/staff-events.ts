import { z } from 'zod';
import { priorities } from '../categories.ts';
import { meldingStatuses } from '../status-machine.ts';
import { instant } from './wire.ts';

// The live console (GET /api/v1/staff/events, Server-Sent Events). Each event says which melding
// changed and how, never what is in it: no description, no melder, no address — a console refetches
// what it shows. The SSE `id:` line carries the event id; a console that reconnects sends it back as
// Last-Event-ID and is given every later event of its teams, each once.

export const staffEventKinds = [
  /** On-duty officers were told of the melding (a dispatch or escalation step: the "console" notice). */
  'melding.dispatched',
  /** The melding was (re)assigned to a team: routing, rerouting. */
  'melding.assigned',
  /** The melding's status changed: claimed, forwarded, closed, … */
  'melding.status',
] as const;
export type StaffEventKind = (typeof staffEventKinds)[number];

/** The SSE event name (the `event:` line) of every staff event: the console listens for this one. */
export const STAFF_EVENT_NAME = 'melding';

export const staffEventSchema = z
  .object({
    id: z.number().int().positive(),
    kind: z.enum(staffEventKinds),
    meldingId: z.uuid(),
    reference: z.string(),
    /** The team the melding belongs to at this event (the first of the event's teams). */
    teamId: z.string().nullable(),
    priority: z.enum(priorities).nullable(),
    status: z.enum(meldingStatuses).nullable(),
    at: instant,
  })
  .meta({ id: 'StaffEvent' });

export type StaffEvent = z.output<typeof staffEventSchema>;

/** Whether a console announces the event (banner, sound, vibration): a spoed melding reaching officers. */
export function isSpoedAnnouncement(event: Pick<StaffEvent, 'kind' | 'priority'>): boolean {
  return event.kind === 'melding.dispatched' && event.priority === 'spoed';
}
