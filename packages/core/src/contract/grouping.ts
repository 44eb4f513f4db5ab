import { z } from 'zod';
import { meldingStatuses } from '../status-machine.ts';
import { instant, labelledSchema } from './wire.ts';

// One incident, many reports (docs/staff-api.md, "Groepen"): a melding's group, the queue's count, the
// nearby open meldingen to group by hand, and the group and split actions.

const statusSchema = z.object({ code: z.enum(meldingStatuses), label: z.string() });

/** The queue card's mark: part of a group of `size` meldingen; `primary`: the one the notices are for. */
export const queueGroupSchema = z.object({
  id: z.uuid(),
  size: z.number().int().min(2),
  primary: z.boolean(),
});

export const groupMemberSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: statusSchema,
  createdAt: instant,
  /** The first melding: the officers' notices are for it. */
  primary: z.boolean(),
});

/** "Onderdeel van een groep van 3 meldingen": every member (this one too), oldest first. */
export const meldingGroupSchema = z
  .object({ id: z.uuid(), size: z.number().int(), members: z.array(groupMemberSchema) })
  .meta({ id: 'MeldingGroup' });

export const nearbyMeldingSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  category: labelledSchema,
  status: statusSchema,
  createdAt: instant,
  distanceMeters: z.number().int(),
  /** In a group already (it must be split from it first); null: on its own. */
  groupSize: z.number().int().nullable(),
});

export const nearbyResponseSchema = z
  .object({
    /** The radius (metres) and period (hours, either side) searched. */
    radiusMeters: z.number().int(),
    hours: z.number().int(),
    items: z.array(nearbyMeldingSchema),
  })
  .meta({ id: 'NearbyMeldingen' });

/** Group another melding with this one (it joins this one's group). */
export const groupBodySchema = z.object({ meldingId: z.uuid() });

export type MeldingGroup = z.output<typeof meldingGroupSchema>;
export type NearbyResponse = z.output<typeof nearbyResponseSchema>;
