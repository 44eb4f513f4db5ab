import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../client.ts';
import {
  assignments,
  attachments,
  dispatchNotices,
  internalNotes,
  melderFeedback,
  meldingAddresses,
  meldingen,
  routingRuleVersions,
  staffUsers,
  statusEvents,
  teams,
} from '../../schema.ts';
import { meldingNameColumns } from '../melding-columns.ts';

/** Everything staff see of a melding itself (not its melder); read it only after the access check. */
export interface StaffMeldingRow {
  id: string;
  reference: string;
  category: string;
  subcategory: string | null;
  answers: Record<string, unknown>;
  description: string;
  occurredAt: Date | null;
  lat: number;
  lng: number;
  accuracy: number | null;
  addressText: string | null;
  locationDescription: string | null;
  /** The looked-up address near the point (melding_addresses); all null while there is none. */
  approximate: {
    status: string;
    street: string | null;
    houseNumber: number | null;
    houseLetter: string | null;
    houseNumberAddition: string | null;
    postcode: string | null;
    woonplaats: string | null;
  } | null;
  wijkCode: string | null;
  status: string;
  priority: string | null;
  teamId: string | null;
  teamName: string | null;
  assignedUserId: string | null;
  assignedUserName: string | null;
  duplicateOfId: string | null;
  duplicateOfReference: string | null;
  reopenCount: number;
  createdAt: Date;
}

export async function findStaffMeldingRow(
  db: DbOrTx,
  meldingId: string,
): Promise<StaffMeldingRow | undefined> {
  const original = alias(meldingen, 'original');
  const [row] = await db
    .select({
      ...meldingNameColumns,
      answers: meldingen.answers,
      description: meldingen.description,
      occurredAt: meldingen.occurredAt,
      lat: meldingen.lat,
      lng: meldingen.lng,
      accuracy: meldingen.accuracy,
      addressText: meldingen.addressText,
      locationDescription: meldingen.locationDescription,
      approximate: {
        status: meldingAddresses.status,
        street: meldingAddresses.street,
        houseNumber: meldingAddresses.houseNumber,
        houseLetter: meldingAddresses.houseLetter,
        houseNumberAddition: meldingAddresses.houseNumberAddition,
        postcode: meldingAddresses.postcode,
        woonplaats: meldingAddresses.woonplaats,
      },
      wijkCode: meldingen.wijkCode,
      status: meldingen.status,
      priority: meldingen.priority,
      teamId: meldingen.teamId,
      teamName: teams.name,
      assignedUserId: meldingen.assignedUserId,
      assignedUserName: staffUsers.name,
      duplicateOfId: meldingen.duplicateOf,
      duplicateOfReference: original.reference,
      reopenCount: meldingen.reopenCount,
      createdAt: meldingen.createdAt,
    })
    .from(meldingen)
    .leftJoin(teams, eq(teams.id, meldingen.teamId))
    .leftJoin(staffUsers, eq(staffUsers.id, meldingen.assignedUserId))
    .leftJoin(original, eq(original.id, meldingen.duplicateOf))
    .leftJoin(meldingAddresses, eq(meldingAddresses.meldingId, meldingen.id))
    .where(eq(meldingen.id, meldingId));
  return row;
}

export interface StaffPhotoRow {
  id: string;
  position: number;
  mime: string;
  width: number;
  height: number;
  storageKey: string;
}

const photoColumns = {
  id: attachments.id,
  position: attachments.position,
  mime: attachments.mime,
  width: attachments.width,
  height: attachments.height,
  storageKey: attachments.storageKey,
};

export async function listMeldingPhotos(db: DbOrTx, meldingId: string): Promise<StaffPhotoRow[]> {
  return db
    .select(photoColumns)
    .from(attachments)
    .where(eq(attachments.meldingId, meldingId))
    .orderBy(asc(attachments.position));
}

/** One photo of one melding; undefined when the photo belongs to another melding. */
export async function findMeldingPhoto(
  db: DbOrTx,
  meldingId: string,
  photoId: string,
): Promise<StaffPhotoRow | undefined> {
  const rows = await listMeldingPhotos(db, meldingId);
  return rows.find((r) => r.id === photoId);
}

// actor is 'staff:<uuid>' for officers; other actors ('melder', 'systeem') match no user.
const staffActor = () => sql`'staff:' || ${staffUsers.id}::text`;

export interface StaffStatusEventRow {
  id: number;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  actorName: string | null;
  publicMessage: string | null;
  internalNote: string | null;
  forwardedTo: string | null;
  reason: string | null;
  createdAt: Date;
}

/** The whole history, newest first, with the name of the officer where the actor is staff. */
export async function listStaffStatusEvents(db: DbOrTx, meldingId: string): Promise<StaffStatusEventRow[]> {
  const rows = await db
    .select({
      id: statusEvents.id,
      fromStatus: statusEvents.fromStatus,
      toStatus: statusEvents.toStatus,
      actor: statusEvents.actor,
      actorName: staffUsers.name,
      publicMessage: statusEvents.publicMessage,
      internalNote: statusEvents.internalNote,
      forwardedTo: statusEvents.forwardedTo,
      reason: statusEvents.reason,
      createdAt: statusEvents.createdAt,
    })
    .from(statusEvents)
    .leftJoin(staffUsers, eq(statusEvents.actor, staffActor()))
    .where(eq(statusEvents.meldingId, meldingId))
    .orderBy(desc(statusEvents.id));
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export interface InternalNoteRow {
  id: string;
  authorUserId: string;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

export async function listInternalNotes(db: DbOrTx, meldingId: string): Promise<InternalNoteRow[]> {
  return db
    .select({
      id: internalNotes.id,
      authorUserId: internalNotes.authorUserId,
      authorName: staffUsers.name,
      body: internalNotes.body,
      createdAt: internalNotes.createdAt,
    })
    .from(internalNotes)
    .leftJoin(staffUsers, eq(staffUsers.id, internalNotes.authorUserId))
    .where(eq(internalNotes.meldingId, meldingId))
    .orderBy(desc(internalNotes.createdAt));
}

export interface MelderFeedbackRow {
  id: string;
  solved: boolean;
  explanation: string | null;
  createdAt: Date;
}

export async function listMelderFeedback(db: DbOrTx, meldingId: string): Promise<MelderFeedbackRow[]> {
  return db
    .select({
      id: melderFeedback.id,
      solved: melderFeedback.solved,
      explanation: melderFeedback.explanation,
      createdAt: melderFeedback.createdAt,
    })
    .from(melderFeedback)
    .where(eq(melderFeedback.meldingId, meldingId))
    .orderBy(desc(melderFeedback.createdAt));
}

/** The melding's latest assignment, with its team's name and the name of the rule version that decided. */
export interface CurrentAssignmentRow {
  teamId: string;
  teamName: string | null;
  priority: string;
  reason: string;
  ruleId: string | null;
  ruleVersion: number | null;
  ruleName: string | null;
  note: string | null;
  createdAt: Date;
}

export async function findCurrentAssignment(
  db: DbOrTx,
  meldingId: string,
): Promise<CurrentAssignmentRow | undefined> {
  const [row] = await db
    .select({
      teamId: assignments.teamId,
      teamName: teams.name,
      priority: assignments.priority,
      reason: assignments.reason,
      ruleId: assignments.ruleId,
      ruleVersion: assignments.ruleVersion,
      ruleName: routingRuleVersions.name,
      note: assignments.note,
      createdAt: assignments.createdAt,
    })
    .from(assignments)
    .leftJoin(teams, eq(teams.id, assignments.teamId))
    .leftJoin(
      routingRuleVersions,
      and(
        eq(routingRuleVersions.ruleId, assignments.ruleId),
        eq(routingRuleVersions.version, assignments.ruleVersion),
      ),
    )
    .where(eq(assignments.meldingId, meldingId))
    .orderBy(desc(assignments.createdAt), desc(assignments.id))
    .limit(1);
  return row;
}

/** One notice to one officer through one channel (dispatch_notices), for the staff timeline. */
export interface DispatchNoticeRow {
  assignmentId: string;
  step: number;
  /** core NoticeReason, or 'idle_reminder' (negative steps: a claimed melding that lies still). */
  reason: string;
  userId: string;
  channel: string;
  status: string;
  userName: string;
  createdAt: Date;
}

export async function listDispatchNotices(db: DbOrTx, meldingId: string): Promise<DispatchNoticeRow[]> {
  return db
    .select({
      assignmentId: dispatchNotices.assignmentId,
      step: dispatchNotices.step,
      reason: dispatchNotices.reason,
      userId: dispatchNotices.userId,
      channel: dispatchNotices.channel,
      status: dispatchNotices.status,
      userName: staffUsers.name,
      createdAt: dispatchNotices.createdAt,
    })
    .from(dispatchNotices)
    .innerJoin(staffUsers, eq(staffUsers.id, dispatchNotices.userId))
    .where(eq(dispatchNotices.meldingId, meldingId))
    .orderBy(asc(dispatchNotices.createdAt), asc(dispatchNotices.step), asc(staffUsers.name));
}
