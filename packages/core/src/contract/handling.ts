import { z } from 'zod';
import { categoryIds, priorities } from '../categories.ts';
import { meldingStatuses } from '../status-machine.ts';
import { text } from '../text-schema.ts';
import { meldingGroupSchema, queueGroupSchema } from './grouping.ts';
import { assignmentViewSchema } from './routing.ts';
import {
  createdSchema,
  instant,
  labelledSchema,
  personRefSchema,
  teamRefSchema,
  wijkRefSchema,
} from './wire.ts';

// The wire shapes of docs/staff-api.md ("Queue", "Detail", "Actions", "Standard texts").

export const statusCodeSchema = z.enum(meldingStatuses);
const idLabel = labelledSchema;
const statusSchema = z.object({ code: statusCodeSchema, label: z.string() });
const teamSchema = teamRefSchema.nullable();
const wijkSchema = wijkRefSchema.nullable();
const assigneeSchema = personRefSchema.nullable();

/** The fields a melding starts with in the queue and in its detail, in this order. */
const meldingHeadShape = {
  id: z.uuid(),
  reference: z.string(),
  category: idLabel,
  subcategory: idLabel.nullable(),
  status: statusSchema,
  priority: z.enum(priorities).nullable(),
  team: teamSchema,
  wijk: wijkSchema,
};

export const queueItemSchema = z
  .object({
    ...meldingHeadShape,
    /** The street only: never a house number or postcode. */
    street: z.string().nullable(),
    /** The street is the one nearest to the GPS or map point (looked up), not one the melder gave. */
    streetApproximate: z.boolean(),
    createdAt: instant,
    /** The afhandeltermijn (the queue sorts on it within a priority); null while unrouted. */
    deadlineAt: instant.nullable(),
    /** The melder said it is happening now ("nu gaande"). */
    nuGaande: z.boolean(),
    /** How often it was reopened: a reopened melding must not look new in the queue. */
    reopenCount: z.number().int(),
    assignedTo: assigneeSchema,
    photoCount: z.number().int(),
    /** Part of a group of meldingen of one incident; absent: on its own. */
    group: queueGroupSchema.optional(),
  })
  .meta({ id: 'QueueItem' });

export const queueResponseSchema = z
  .object({
    items: z.array(queueItemSchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'Queue' });

export const queueQuerySchema = z.object({
  team: text().min(1).max(100).optional(),
  /** `open` (default) or a comma-separated list of status codes. */
  status: text().max(300).optional(),
  category: z.enum(categoryIds).optional(),
  wijk: text().min(1).max(20).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

const actorSchema = z.object({
  kind: z.enum(['melder', 'systeem', 'staff']),
  name: z.string().optional(),
});

export const timelineEntrySchema = z
  .object({
    kind: z.enum(['status', 'note', 'melder', 'notice']),
    at: instant,
    actor: actorSchema,
    from: statusCodeSchema.optional(),
    to: statusCodeSchema.optional(),
    toLabel: z.string().optional(),
    publicMessage: z.string().optional(),
    internalNote: z.string().optional(),
    forwardedTo: z.string().optional(),
    reason: z.string().optional(),
    /** kind 'melder': the melder's answer to "Is uw melding opgelost?". */
    solved: z.boolean().optional(),
    /** kind 'notice': dispatch step (0 the first notice, then escalation) and who was told, how. */
    step: z.number().int().min(0).optional(),
    /** kind 'notice': a dispatch (step 0 and escalation), a reopened one back to its officer, an idle reminder. */
    noticeKind: z.enum(['dispatch', 'reopened', 'idle_reminder']).optional(),
    notified: z
      .array(z.object({ name: z.string(), channels: z.array(z.enum(['console', 'email', 'push'])) }))
      .optional(),
  })
  .meta({ id: 'TimelineEntry' });

export const meldingDetailSchema = z
  .object({
    ...meldingHeadShape,
    address: z.string().nullable(),
    /**
     * For a melding placed by GPS or on the map without an address: the address nearest to the point,
     * looked up after intake. 'pending': not (yet) known; 'unknown': none near the point, or the lookup
     * gave up. Null when the melder gave an address or only a wijk.
     */
    approximateAddress: z
      .object({
        state: z.enum(['found', 'pending', 'unknown']),
        /** "Steenhoffstraat 46a" */
        streetAndNumber: z.string().nullable(),
        postcode: z.string().nullable(),
        woonplaats: z.string().nullable(),
      })
      .nullable(),
    location: z.object({
      lat: z.number(),
      lng: z.number(),
      accuracy: z.number().nullable(),
      /** The resident's words for an approximate place (only the wijk chosen); null otherwise. */
      description: z.string().nullable(),
    }),
    description: z.string(),
    answers: z.array(z.object({ questionId: z.string(), label: z.string(), value: z.string() })),
    occurredAt: instant.nullable(),
    createdAt: instant,
    assignedTo: assigneeSchema,
    /** The current assignment: team, priority, the rule (and version) that decided and why. */
    assignment: assignmentViewSchema.nullable(),
    duplicateOf: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
    reopenCount: z.number().int(),
    /** The group of meldingen of one incident it is in; absent: on its own. */
    group: meldingGroupSchema.optional(),
    photos: z.array(
      z.object({ id: z.uuid(), url: z.string(), width: z.number().int(), height: z.number().int() }),
    ),
    timeline: z.array(timelineEntrySchema),
    emailDeliveries: z.array(
      z.object({
        id: z.number().int(),
        template: z.string(),
        // 'sending': under way; 'unknown': its worker died while sending (a new attempt follows).
        status: z.enum(['sending', 'sent', 'retrying', 'failed', 'unknown']),
        attempt: z.number().int(),
        smtpResponse: z.string().nullable(),
        error: z.string().nullable(),
        createdAt: instant,
      }),
    ),
    allowedTransitions: z.array(
      z.object({
        to: statusCodeSchema,
        label: z.string(),
        requiresPublicMessage: z.boolean(),
        requiresReason: z.boolean(),
        notifiesMelder: z.boolean(),
      }),
    ),
    /** Only for who may see it (canSeeMelderContact); null: an anonymous melding. Every view is audited. */
    melder: z
      .object({
        email: z.string().nullable(),
        phone: z.string().nullable(),
        wantsFeedback: z.boolean(),
        anonymised: z.boolean(),
      })
      .nullable()
      .optional(),
  })
  .meta({ id: 'MeldingDetail' });

export type MeldingDetail = z.output<typeof meldingDetailSchema>;
export type TimelineEntry = z.output<typeof timelineEntrySchema>;

// Free text (messages, notes) keeps its line breaks; a name or reference is one line.
const freeText = (max: number) => text({ multiline: true, trim: true }).max(max);
const lineText = (max: number) => text({ trim: true }).max(max);

export const transitionBodySchema = z.object({
  to: statusCodeSchema,
  publicMessage: freeText(5000).optional(),
  internalNote: freeText(5000).optional(),
  forwardedTo: lineText(200).optional(),
  reason: freeText(1000).optional(),
  /** The reference (SOE-2026-000123) of the melding this one duplicates; only with `to: geannuleerd`. */
  duplicateOf: lineText(40).optional(),
});
export type TransitionBody = z.output<typeof transitionBodySchema>;

export const noteBodySchema = z.object({ body: freeText(5000).min(1) });

export const previewBodySchema = z.object({
  to: statusCodeSchema,
  publicMessage: freeText(5000).optional(),
  forwardedTo: lineText(200).optional(),
});

export const previewResponseSchema = z
  .object({ subject: z.string(), text: z.string(), html: z.string(), sentToMelder: z.boolean() })
  .meta({ id: 'MailPreview' });

export const standardTextSchema = z
  .object({
    id: z.uuid(),
    category: z.string().nullable(),
    status: statusCodeSchema,
    title: z.string(),
    body: z.string(),
    active: z.boolean(),
  })
  .meta({ id: 'StandardText' });

export const standardTextBodySchema = z.object({
  category: z.enum(categoryIds).nullable(),
  status: statusCodeSchema,
  title: lineText(200).min(1),
  body: freeText(5000).min(1),
});

export const standardTextUpdateSchema = standardTextBodySchema.extend({ active: z.boolean() });

export const standardTextQuerySchema = z.object({
  status: statusCodeSchema.optional(),
  category: z.enum(categoryIds).optional(),
  all: z.enum(['true', 'false']).optional(),
});

/** The answer to a new note (`POST /meldingen/:id/notes`). */
export const noteCreatedSchema = createdSchema;

export const standardTextsResponseSchema = z.object({ items: z.array(standardTextSchema) });
