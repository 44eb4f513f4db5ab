import { isMeldingStatus, staffStatusLabel, streetAndNumber } from '@buurtsignaal/core';
import type { MeldingDetail, TimelineEntry } from '@buurtsignaal/core/contract';
import type { DbOrTx } from '@buurtsignaal/db';
import {
  type CurrentAssignmentRow,
  type DispatchNoticeRow,
  findCurrentAssignment,
  findStaffMeldingRow,
  type InternalNoteRow,
  listDispatchNotices,
  listInternalNotes,
  listMelderFeedback,
  listMeldingPhotos,
  listStaffStatusEvents,
  type MelderFeedbackRow,
  type StaffMeldingRow,
  type StaffStatusEventRow,
} from '@buurtsignaal/db/queries/handling/detail';
import type { QueueRow } from '@buurtsignaal/db/queries/handling/queue';
import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { loadGroupView } from '../grouping/group-view.ts';
import {
  allowedTransitionsView,
  answersView,
  assigneeView,
  categoryView,
  priorityView,
  statusView,
  teamView,
  wijkView,
} from './melding-view.ts';

/** The looked-up address, for a melding placed by GPS or on the map (the melder gave no address). */
function approximateAddressView(row: StaffMeldingRow): MeldingDetail['approximateAddress'] {
  if (row.addressText?.trim() || row.locationDescription !== null) return null;
  const a = row.approximate;
  if (a?.status === 'found' && a.street) {
    return {
      state: 'found',
      streetAndNumber: streetAndNumber({ ...a, street: a.street }),
      postcode: a.postcode,
      woonplaats: a.woonplaats,
    };
  }
  const state = a === null ? 'pending' : 'unknown';
  return { state, streetAndNumber: null, postcode: null, woonplaats: null };
}

const deliveryStatuses = ['sending', 'sent', 'retrying', 'failed', 'unknown'] as const;
type DeliveryStatus = (typeof deliveryStatuses)[number];

/** A status the contract does not know yet is shown as failed: it did not end in 'sent'. */
function deliveryStatusView(status: string): DeliveryStatus {
  return (deliveryStatuses as readonly string[]).includes(status) ? (status as DeliveryStatus) : 'failed';
}

function actorView(actor: string, name: string | null): TimelineEntry['actor'] {
  if (actor === 'melder') return { kind: 'melder' };
  if (actor.startsWith('staff:')) return name ? { kind: 'staff', name } : { kind: 'staff' };
  return { kind: 'systeem' };
}

/** Only the keys that have a value: the contract's optional fields are absent, not null. */
function defined(
  entry: Record<string, unknown> & Pick<TimelineEntry, 'kind' | 'at' | 'actor'>,
): TimelineEntry {
  return Object.fromEntries(
    Object.entries(entry).filter(([, v]) => v !== undefined && v !== null),
  ) as TimelineEntry;
}

const statusEntry = (e: StaffStatusEventRow): TimelineEntry =>
  defined({
    kind: 'status' as const,
    at: e.createdAt,
    actor: actorView(e.actor, e.actorName),
    from: e.fromStatus && isMeldingStatus(e.fromStatus) ? e.fromStatus : undefined,
    to: isMeldingStatus(e.toStatus) ? e.toStatus : undefined,
    toLabel: isMeldingStatus(e.toStatus) ? staffStatusLabel(e.toStatus) : e.toStatus,
    publicMessage: e.publicMessage,
    internalNote: e.internalNote,
    forwardedTo: e.forwardedTo,
    reason: e.reason,
  });

const noteEntry = (n: InternalNoteRow): TimelineEntry => ({
  kind: 'note',
  at: n.createdAt,
  actor: n.authorName ? { kind: 'staff', name: n.authorName } : { kind: 'staff' },
  internalNote: n.body,
});

const feedbackEntry = (f: MelderFeedbackRow): TimelineEntry =>
  defined({
    kind: 'melder' as const,
    at: f.createdAt,
    actor: { kind: 'melder' as const },
    solved: f.solved,
    publicMessage: f.explanation,
  });

type Channel = NonNullable<TimelineEntry['notified']>[number]['channels'][number];
const channelOrder: readonly Channel[] = ['console', 'push', 'email'];
const isChannel = (c: string): c is Channel => (channelOrder as readonly string[]).includes(c);

type NoticeKind = NonNullable<TimelineEntry['noticeKind']>;
const noticeKindOf = (n: DispatchNoticeRow): NoticeKind =>
  n.step < 0 ? 'idle_reminder' : n.reason === 'reopened' ? 'reopened' : 'dispatch';

/** One entry per dispatch step: "gemeld aan M. de Vries (console, e-mail)", at the step's first notice. */
function noticeEntries(notices: DispatchNoticeRow[]): TimelineEntry[] {
  type Told = { name: string; channels: Channel[] };
  type Step = { step: number; kind: NoticeKind; at: Date; people: Map<string, Told> };
  // Per assignment and step: a melding back on its team's queue (rerouted, idle) starts at step 0 again.
  const steps = new Map<string, Step>();
  for (const n of notices) {
    // Told means sent: a mail still pending or failed is not on the timeline.
    if (n.status !== 'sent' || !isChannel(n.channel)) continue;
    const key = `${n.assignmentId}/${n.step}`;
    const step = steps.get(key) ?? {
      step: Math.max(0, n.step),
      kind: noticeKindOf(n),
      at: n.createdAt,
      people: new Map<string, Told>(),
    };
    if (n.createdAt < step.at) step.at = n.createdAt;
    const told = step.people.get(n.userId) ?? { name: n.userName, channels: [] };
    told.channels.push(n.channel);
    step.people.set(n.userId, told);
    steps.set(key, step);
  }
  return [...steps.values()].map(({ step, kind, at, people }) => ({
    kind: 'notice',
    at,
    actor: { kind: 'systeem' },
    step,
    noticeKind: kind,
    notified: [...people.values()].map((t) => ({
      name: t.name,
      channels: channelOrder.filter((c) => t.channels.includes(c)),
    })),
  }));
}

/** Newest first; at the same moment a note or answer comes after (above) the status change it explains. */
function timeline(
  events: StaffStatusEventRow[],
  notes: InternalNoteRow[],
  feedback: MelderFeedbackRow[],
  notices: DispatchNoticeRow[],
): TimelineEntry[] {
  const entries = [
    ...feedback.map(feedbackEntry),
    ...notes.map(noteEntry),
    ...noticeEntries(notices),
    ...events.map(statusEntry),
  ];
  // A stable sort: at equal times the order above holds, and status events keep their id order.
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** The columns a melding's head is made of (a queue row has them, and so has a detail row). */
export type MeldingHeadRow = Pick<
  QueueRow,
  'id' | 'reference' | 'category' | 'subcategory' | 'status' | 'priority' | 'teamId' | 'teamName' | 'wijkCode'
>;

/** The fields a melding starts with in the queue and in its detail (the contract's melding head). */
export function meldingHeadView(row: MeldingHeadRow) {
  return {
    id: row.id,
    reference: row.reference,
    ...categoryView(row.category, row.subcategory),
    status: statusView(row.status),
    priority: priorityView(row.priority),
    team: teamView(row.teamId, row.teamName),
    wijk: wijkView(row.wijkCode),
  };
}

/** A priority the contract does not know (older data) shows as normaal. */
function assignmentView(a: CurrentAssignmentRow): NonNullable<MeldingDetail['assignment']> {
  return {
    team: { id: a.teamId, name: a.teamName ?? a.teamId },
    priority: priorityView(a.priority) ?? 'normaal',
    reason: a.reason,
    rule:
      a.ruleId !== null && a.ruleVersion !== null
        ? { id: a.ruleId, name: a.ruleName ?? a.ruleId, version: a.ruleVersion }
        : null,
    note: a.note,
    at: a.createdAt,
  };
}

/** The contract's MeldingDetail without `melder` (the caller decides about contact data). */
export async function loadMeldingDetail(
  db: DbOrTx,
  meldingId: string,
): Promise<Omit<MeldingDetail, 'melder'> | undefined> {
  const row = await findStaffMeldingRow(db, meldingId);
  if (!row) return undefined;
  const [assignment, photos, events, notes, feedback, deliveries, notices, group] = await Promise.all([
    findCurrentAssignment(db, meldingId),
    listMeldingPhotos(db, meldingId),
    listStaffStatusEvents(db, meldingId),
    listInternalNotes(db, meldingId),
    listMelderFeedback(db, meldingId),
    listEmailDeliveries(db, meldingId),
    listDispatchNotices(db, meldingId),
    loadGroupView(db, meldingId),
  ]);
  const head = meldingHeadView(row);
  return {
    ...head,
    address: row.addressText,
    approximateAddress: approximateAddressView(row),
    location: {
      lat: row.lat,
      lng: row.lng,
      accuracy: row.accuracy,
      description: row.locationDescription,
    },
    description: row.description,
    answers: answersView(row.category, row.answers),
    occurredAt: row.occurredAt,
    createdAt: row.createdAt,
    assignedTo: assigneeView(row.assignedUserId, row.assignedUserName),
    assignment: assignment ? assignmentView(assignment) : null,
    duplicateOf:
      row.duplicateOfId && row.duplicateOfReference
        ? { id: row.duplicateOfId, reference: row.duplicateOfReference }
        : null,
    reopenCount: row.reopenCount,
    ...(group ? { group } : {}),
    photos: photos.map((p) => ({
      id: p.id,
      url: `/api/v1/staff/meldingen/${row.id}/photos/${p.id}`,
      width: p.width,
      height: p.height,
    })),
    timeline: timeline(events, notes, feedback, notices),
    emailDeliveries: deliveries.map((d) => ({
      id: Number(d.id),
      template: d.template,
      status: deliveryStatusView(d.status),
      attempt: d.attempt,
      smtpResponse: d.smtpResponse,
      error: d.error,
      createdAt: d.createdAt,
    })),
    allowedTransitions: allowedTransitionsView(head.status.code),
  };
}
