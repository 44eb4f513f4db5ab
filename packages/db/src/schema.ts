import type {
  AreaGeometry,
  EscalationPolicy,
  ExpectedCoverage,
  FieldError,
  RuleConditions,
  RuleOutcome,
} from '@buurtsignaal/core';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Numbers behind the human reference SOE-2026-000123; one sequence for all years. */
export const meldingReferenceSeq = pgSequence('melding_reference_seq', { startWith: 1 });

export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** 'boa' | 'politie' | 'other' (core roster-schema teamKinds). */
  kind: text('kind').notNull().default('other'),
  /** The hours the team is expected to cover, Amsterdam wall clock (core expectedCoverageSchema). */
  coverage: jsonb('coverage').$type<ExpectedCoverage>().notNull().default({ kind: 'windows', windows: [] }),
  /** An inactive team gets no new meldingen: a rule naming it is refused or flagged. */
  active: boolean('active').notNull().default(true),
  /** Where a melding goes when this team does not pick it up in time (later: roster escalation). */
  fallbackTeamId: text('fallback_team_id').references((): AnyPgColumn => teams.id),
  /** Escalation levels when nobody claims (core escalationPolicySchema); null: core's default policy. */
  escalationPolicy: jsonb('escalation_policy').$type<EscalationPolicy>(),
  /** Dispatch mails every officer told, also one whose phone gets Web Push; false: mail only without push. */
  notifyEmailAlways: boolean('notify_email_always').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const meldingen = pgTable(
  'meldingen',
  {
    id: uuid('id').primaryKey(),
    reference: text('reference').notNull(),
    category: text('category').notNull(),
    subcategory: text('subcategory'),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    description: text('description').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    accuracy: real('accuracy'),
    addressText: text('address_text'),
    /** The place in the resident's words when only the wijk was chosen (lat/lng: the wijk's centre). */
    locationDescription: text('location_description'),
    wijkCode: text('wijk_code'),
    // H3 cells as their canonical hex strings: PGlite returns int8 as a JS number, which cannot hold
    // a 64-bit H3 index exactly.
    h3R7: text('h3_r7').notNull(),
    h3R8: text('h3_r8').notNull(),
    h3R9: text('h3_r9').notNull(),
    h3R10: text('h3_r10').notNull(),
    status: text('status').notNull().default('gemeld'),
    teamId: text('team_id').references(() => teams.id),
    priority: text('priority'),
    /** sha256 (hex) of the melder's private status token; the token itself is never stored. */
    statusTokenHash: text('status_token_hash').notNull(),
    /** The officer who claimed it (in_behandeling and after); null while it waits on the roster queue. */
    assignedUserId: uuid('assigned_user_id').references((): AnyPgColumn => staffUsers.id),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** Set when cancelled as a duplicate of another melding. */
    duplicateOf: uuid('duplicate_of').references((): AnyPgColumn => meldingen.id),
    /** How often the melder reopened it ("not solved"); the melder may reopen once, then the coordinator decides. */
    reopenCount: integer('reopen_count').notNull().default(0),
    /** When the melder said "not solved" again after the one reopen: the coordinator's attention is needed. */
    coordinatorAttentionAt: timestamp('coordinator_attention_at', { withTimezone: true }),
    /** The afhandeltermijn: by when it should be handled (set when routed, from the priority and werkdagen). */
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    /** Flagged by an officer as notable for the weekly veiligheidsoverleg. */
    notableAt: timestamp('notable_at', { withTimezone: true }),
    notableBy: uuid('notable_by').references((): AnyPgColumn => staffUsers.id),
    notableReason: text('notable_reason'),
    /**
     * Who made it: 'resident' (the public form) or 'staff' (an officer's own finding). The roster
     * advice reads only residents' meldingen, so that it does not send officers back to where they
     * already are.
     */
    origin: text('origin').notNull().default('resident'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * When it happened: occurred_at, or created_at when the melder gave none. What the hotspot map and
     * rosters filter and group on. The covering indexes on it (INCLUDE the cells) are in migration
     * 0008, because drizzle-kit cannot express INCLUDE.
     */
    happenedAt: timestamp('happened_at', { withTimezone: true })
      .notNull()
      .generatedAlwaysAs(sql`coalesce(occurred_at, created_at)`),
  },
  (t) => [
    uniqueIndex('meldingen_reference_uq').on(t.reference),
    uniqueIndex('meldingen_status_token_hash_uq').on(t.statusTokenHash),
    index('meldingen_team_status_idx').on(t.teamId, t.status),
    index('meldingen_category_created_idx').on(t.category, t.createdAt),
    // What the worker's reconciliation looks for every minute: meldingen still waiting to be routed.
    index('meldingen_unrouted_idx').on(t.updatedAt).where(sql`${t.status} in ('gemeld', 'heropend')`),
  ],
);

/**
 * The address nearest to a melding's point, looked up after intake (PDOK Locatieserver reverse) for a
 * melding placed by GPS or on the map without an address. Location data of the melding, approximate,
 * not the melder's contact data. One row per melding, written once the lookup has an outcome:
 * 'found' (the fields), 'none' (PDOK knows no address near the point) or 'failed' (gave up after its
 * attempts: "adres onbekend").
 */
export const meldingAddresses = pgTable('melding_addresses', {
  meldingId: uuid('melding_id')
    .primaryKey()
    .references(() => meldingen.id, { onDelete: 'cascade' }),
  /** 'found' | 'none' | 'failed' */
  status: text('status').notNull(),
  street: text('street'),
  houseNumber: integer('house_number'),
  houseLetter: text('house_letter'),
  houseNumberAddition: text('house_number_addition'),
  postcode: text('postcode'),
  woonplaats: text('woonplaats'),
  /** Metres from the melding's point to the address, as PDOK reports it. */
  distanceM: real('distance_m'),
  /** Lookups made, the successful one included. */
  attempts: integer('attempts').notNull(),
  lookedUpAt: timestamp('looked_up_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Contact data of the melder, apart from the melding so that it can be anonymised on its own (AVG). */
export const melders = pgTable('melders', {
  id: uuid('id').primaryKey(),
  meldingId: uuid('melding_id')
    .notNull()
    .unique()
    .references(() => meldingen.id, { onDelete: 'cascade' }),
  email: text('email'),
  phone: text('phone'),
  wantsFeedback: boolean('wants_feedback').notNull().default(false),
  /**
   * The private status token, sealed with SecretBox (associated data: the melding id), so that e-mails
   * can carry the status link; lookups use meldingen.status_token_hash. Cleared on anonymisation.
   */
  statusTokenSealed: text('status_token_sealed'),
  createdAt: createdAt(),
  anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
});

/** Photos: metadata here, the re-encoded bytes in the attachment store under `storageKey`. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('attachments_melding_position_uq').on(t.meldingId, t.position)],
);

/** Append-only history of a melding: rows are inserted, never updated or deleted. */
export const statusEvents = pgTable(
  'status_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    /** 'melder', 'systeem' or 'staff:<id>'. */
    actor: text('actor').notNull(),
    internalNote: text('internal_note'),
    publicMessage: text('public_message'),
    /** doorgestuurd: the organisation it went to (e.g. "Politie Midden-Nederland", "Portaal"). */
    forwardedTo: text('forwarded_to'),
    /** geannuleerd: why (required by the status machine); internal. */
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('status_events_melding_idx').on(t.meldingId, t.id)],
);

/** Internal notes on a melding, at any time; staff only, never shown to the melder. */
export const internalNotes = pgTable(
  'internal_notes',
  {
    id: uuid('id').primaryKey(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references((): AnyPgColumn => staffUsers.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('internal_notes_melding_idx').on(t.meldingId, t.createdAt)],
);

/** Reusable public messages (standaardteksten), per category (null: all) and target status. */
export const standardTexts = pgTable(
  'standard_texts',
  {
    id: uuid('id').primaryKey(),
    category: text('category'),
    status: text('status').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references((): AnyPgColumn => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('standard_texts_status_idx').on(t.status, t.category)],
);

/** The melder's answer to "Is uw melding opgelost?": at most one per closing (afgehandeld event). */
export const melderFeedback = pgTable(
  'melder_feedback',
  {
    id: uuid('id').primaryKey(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    /** The afgehandeld status event this answers. */
    statusEventId: bigint('status_event_id', { mode: 'number' })
      .notNull()
      .references(() => statusEvents.id),
    solved: boolean('solved').notNull(),
    explanation: text('explanation'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('melder_feedback_event_uq').on(t.statusEventId)],
);

/** Which team a melding was assigned to, and why; one row per routing decision. */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    /** The status event that this routing answers; unique, so a routing job that runs twice assigns once. */
    routingKey: text('routing_key').notNull(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    priority: text('priority').notNull(),
    reason: text('reason').notNull(),
    /** The routing rule and the version of it that decided; null: the category's default. */
    ruleId: text('rule_id'),
    ruleVersion: integer('rule_version'),
    /** The rule's note for the officer (Dutch), as it was when it decided. */
    note: text('note'),
    /** Every escalation step ran and nobody claimed it: listed for the coordinator ("onbeantwoord"). */
    unansweredAt: timestamp('unanswered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('assignments_routing_key_uq').on(t.routingKey),
    index('assignments_melding_idx').on(t.meldingId),
    index('assignments_rule_idx').on(t.ruleId, t.createdAt),
    foreignKey({
      columns: [t.ruleId, t.ruleVersion],
      foreignColumns: [routingRuleVersions.ruleId, routingRuleVersions.version],
      name: 'assignments_rule_version_fk',
    }),
  ],
);

/**
 * Who was told about an assignment, at which dispatch step and through which channel. The unique key
 * makes dispatch idempotent: a job that runs twice, or again after a crash, adds no second notice.
 */
export const dispatchNotices = pgTable(
  'dispatch_notices',
  {
    id: uuid('id').primaryKey(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    /** 0: the first dispatch; n: escalation step n (core dispatch-plan.ts). */
    step: integer('step').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references((): AnyPgColumn => staffUsers.id),
    /** 'console' | 'email' | 'push' */
    channel: text('channel').notNull(),
    /** Why this officer: core NoticeReason ('on_duty', 'lead', 'coordinator', 'team', 'fallback'). */
    reason: text('reason').notNull(),
    /** 'pending' (to be sent) | 'sending' (since sent_at) | 'sent' | 'failed' */
    status: text('status').notNull(),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('dispatch_notices_key_uq').on(t.assignmentId, t.step, t.userId, t.channel),
    index('dispatch_notices_melding_idx').on(t.meldingId, t.createdAt),
  ],
);

/**
 * One incident, many reports: meldingen of the same kind close in place and time, handled as one. The
 * primary is the melding whose dispatch tells the officers; the others start no notice chain of their
 * own. Grouped by the routing worker (created_by 'systeem') or by hand ('staff:<id>').
 */
export const incidentGroups = pgTable('incident_groups', {
  id: uuid('id').primaryKey(),
  primaryMeldingId: uuid('primary_melding_id')
    .notNull()
    .unique()
    .references(() => meldingen.id, { onDelete: 'cascade' }),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
});

/** Which group a melding is in: at most one (the primary is a member too). Split: the row goes. */
export const incidentGroupMembers = pgTable(
  'incident_group_members',
  {
    meldingId: uuid('melding_id')
      .primaryKey()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => incidentGroups.id, { onDelete: 'cascade' }),
    addedBy: text('added_by').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_group_members_group_idx').on(t.groupId)],
);

/**
 * What the live console hears (GET /api/v1/staff/events): one row per event, ids only — no personal
 * data, so a console that reconnects with Last-Event-ID is replayed from here. Ids become visible in
 * order (the writer holds an advisory lock until commit), so "everything after id N" never skips one.
 */
export const staffEvents = pgTable(
  'staff_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** core StaffEventKind */
    kind: text('kind').notNull(),
    /** The teams whose consoles get it (coordinators and admins get every event). */
    teamIds: text('team_ids').array().notNull(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    reference: text('reference').notNull(),
    priority: text('priority'),
    status: text('status'),
    /** Makes a writer that runs twice (a retried job) write the event once. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('staff_events_dedupe_uq').on(t.dedupeKey),
    index('staff_events_created_idx').on(t.createdAt),
  ],
);

/** Transactional outbox: written in the same transaction as the change it announces. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    topic: text('topic').notNull(),
    aggregateId: uuid('aggregate_id').notNull(),
    /** Ids only, never personal data. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    relayedAt: timestamp('relayed_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_pending_idx').on(t.availableAt, t.id).where(sql`${t.relayedAt} is null`),
    // Reconciliation reads the recent rows to find notifications without a final delivery record.
    index('outbox_created_idx').on(t.createdAt),
  ],
);

export const idempotencyKeys = pgTable('idempotency_keys', {
  /** `<scope>:<client key>` */
  key: text('key').primaryKey(),
  requestHash: text('request_hash').notNull(),
  /** 'in_flight' while the first request runs, 'done' once its response is stored. */
  state: text('state').notNull(),
  responseStatus: integer('response_status'),
  responseBody: jsonb('response_body'),
  createdAt: createdAt(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
});

/** Every delivery attempt of every e-mail. */
export const emailDeliveries = pgTable(
  'email_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    /** Identifies the notification across attempts (e.g. `ontvangen:<status event id>`). */
    notificationKey: text('notification_key').notNull(),
    template: text('template').notNull(),
    toAddress: text('to_address'),
    attempt: integer('attempt').notNull(),
    /**
     * 'sending' (recorded and committed before the SMTP conversation starts) → 'sent' | 'retrying' |
     * 'failed'; or 'unknown': the attempt was still 'sending' when its lease ran out (the worker died
     * during it), so whether the mail went out cannot be known; a new attempt follows; or 'skipped':
     * deliberately not sent (no address, no terugkoppeling wanted, or a change the melder does not hear
     * of; `error` says why). Final: sent, failed, skipped — reconciliation sends a notification without
     * a final record on again.
     */
    status: text('status').notNull(),
    /** While 'sending': until when this attempt is held; after it, a new attempt may take over. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    smtpResponse: text('smtp_response'),
    error: text('error'),
    /** The Message-ID header sent (stable per notification: every attempt carries the same). */
    messageId: text('message_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('email_deliveries_melding_idx').on(t.meldingId),
    // At most one attempt per notification is under way or has succeeded.
    uniqueIndex('email_deliveries_open_uq')
      .on(t.notificationKey)
      .where(sql`${t.status} in ('sending', 'sent')`),
  ],
);

/** Staff accounts (boa, politie, coordinator, admin). Never deleted: disabled, so the audit log stays readable. */
export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey(),
    /** Stored lower-case. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** 'boa' | 'politie' | 'coordinator' | 'admin' */
    role: text('role').notNull(),
    /** argon2id (PHC string). */
    passwordHash: text('password_hash').notNull(),
    /** The base32 TOTP secret, SecretBox-sealed with the user id as associated data. */
    totpSecretSealed: text('totp_secret_sealed'),
    totpConfirmedAt: timestamp('totp_confirmed_at', { withTimezone: true }),
    /**
     * Failed logins on this account (wrong password or code, any source) since its last successful login,
     * and when the first of them was: the notice the user gets after logging in.
     */
    failedLogins: integer('failed_logins').notNull().default(0),
    failedLoginsSince: timestamp('failed_logins_since', { withTimezone: true }),
    /** The TOTP time step (unix time / 30 s) of the last code accepted: a code is never accepted twice. */
    lastTotpStep: bigint('last_totp_step', { mode: 'number' }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_users_email_uq').on(t.email)],
);

/**
 * A device of an officer that receives Web Push (the console's "Meldingen op dit toestel ontvangen").
 * The endpoint is the push service's URL for that browser; p256dh and auth (base64url) encrypt the
 * payload for it. Deleted when the officer turns it off, or when the push service says it is gone.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    /** A short label of the browser ("Chrome op Android"), so that the officer recognises the device. */
    userAgentLabel: text('user_agent_label'),
    createdAt: createdAt(),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_uq').on(t.endpoint),
    index('push_subscriptions_user_idx').on(t.userId),
  ],
);

export const staffUserTeams = pgTable(
  'staff_user_teams',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.teamId] })],
);

/**
 * Failed logins per account and source, for progressive delays (staff/login-throttle.ts). The account
 * is an HMAC of the e-mail address as typed (also for addresses without an account, so that the answer
 * is the same); the source an HMAC of the client address, or `device:<id>` for a known device. No
 * personal data in clear. A row is deleted by a successful login from its source, or forgotten after a day.
 */
export const staffLoginThrottle = pgTable(
  'staff_login_throttle',
  {
    accountKey: text('account_key').notNull(),
    sourceKey: text('source_key').notNull(),
    /** Attempts counted (an attempt counts when it starts; a successful one deletes the row). */
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountKey, t.sourceKey] }),
    index('staff_login_throttle_last_idx').on(t.lastFailureAt),
  ],
);

/** Server-side sessions; the cookie holds a random token, the row only its sha256. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    /** sha256 (hex) of the cookie token. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** Absolute end, whatever the activity. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** When this session passed the second factor (login with TOTP, or enrolment); null: restricted. */
    secondFactorAt: timestamp('second_factor_at', { withTimezone: true }),
  },
  (t) => [index('staff_sessions_user_idx').on(t.userId)],
);

/**
 * Append-only audit log of staff actions (BIO 8.15.01): who, what, which melding, result, when, from
 * where. No personal data in it: user ids, never e-mail addresses or names. No foreign keys, so that it
 * outlives what it refers to; a trigger refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** null for anonymous attempts (e.g. a login with an unknown e-mail address). */
    actorUserId: uuid('actor_user_id'),
    /** e.g. 'login', 'login_failed', 'logout', 'melding.view', 'melder_contact.view', 'access_denied'. */
    action: text('action').notNull(),
    /** 'ok' | 'denied' | 'error' */
    result: text('result').notNull(),
    meldingId: uuid('melding_id'),
    /** The client address as Fastify sees it (request.ip, honouring TRUST_PROXY). */
    source: text('source'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_actor_at_idx').on(t.actorUserId, t.at),
    index('audit_log_melding_idx').on(t.meldingId),
  ],
);

/** Hotspot rules, managed by the coordinator: ">= minCount meldingen in windowDays in one cell". */
export const hotspotRules = pgTable('hotspot_rules', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /** null: every category. */
  category: text('category'),
  subcategory: text('subcategory'),
  /** H3 resolution 7..10 (one of the stored cells of meldingen). */
  resolution: smallint('resolution').notNull(),
  minCount: integer('min_count').notNull(),
  windowDays: integer('window_days').notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by').references((): AnyPgColumn => staffUsers.id),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A cell meeting a rule, from when detection first saw it until it no longer does. */
export const hotspots = pgTable(
  'hotspots',
  {
    id: uuid('id').primaryKey(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => hotspotRules.id),
    /** H3 cell (hex) at `resolution`. */
    cell: text('cell').notNull(),
    resolution: smallint('resolution').notNull(),
    /** The wijk of the cell centre (null outside every wijk). */
    wijkCode: text('wijk_code'),
    since: timestamp('since', { withTimezone: true }).notNull(),
    lastCount: integer('last_count').notNull(),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }).notNull(),
    active: boolean('active').notNull().default(true),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Set in the transaction that wrote its notifications: a hotspot notifies once. */
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t) => [
    // One running hotspot per rule and cell; an ended one may come back as a new row.
    uniqueIndex('hotspots_rule_cell_active_uq').on(t.ruleId, t.cell).where(sql`${t.active}`),
    index('hotspots_active_since_idx').on(t.active, t.since),
  ],
);

/** "New hotspot" for a team, shown in the console; one per hotspot and team. */
export const hotspotNotifications = pgTable(
  'hotspot_notifications',
  {
    id: uuid('id').primaryKey(),
    hotspotId: uuid('hotspot_id')
      .notNull()
      .references(() => hotspots.id),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('hotspot_notifications_hotspot_team_uq').on(t.hotspotId, t.teamId),
    index('hotspot_notifications_team_idx').on(t.teamId, t.createdAt),
  ],
);

/**
 * Work that did not get done on its own: a melding not routed, or a notification without a final
 * delivery record, found by the worker's reconciliation (apps/worker/src/reconciliation), or a job that
 * ended in BullMQ's failed set. One row per piece of work (`workKey`); the admin sees the stuck ones in
 * the console and can retry them. No personal data: ids, and error texts with addresses redacted.
 */
export const stuckJobs = pgTable(
  'stuck_jobs',
  {
    id: uuid('id').primaryKey(),
    /** `routing-<status event id>` or `notify-<notification key>`. */
    workKey: text('work_key').notNull(),
    /** 'routing' | 'notification' */
    kind: text('kind').notNull(),
    /**
     * No foreign key: its check would lock the melding row (KEY SHARE), and a reconciliation pass must
     * not wait behind a transaction that holds the melding. A row of a deleted melding is not listed.
     */
    meldingId: uuid('melding_id').notNull(),
    /** The status event the work belongs to (the one routed, or the one notified of). */
    statusEventId: bigint('status_event_id', { mode: 'number' }).notNull(),
    /** kind 'notification': which mail (notificationKeys) and its template. */
    notificationKey: text('notification_key'),
    template: text('template'),
    /** 'retrying' (reconciliation re-sent it) | 'stuck' (given up: the admin decides) | 'resolved'. */
    state: text('state').notNull(),
    /** Re-sends by reconciliation since the row was created or last retried by an admin. */
    attempts: integer('attempts').notNull().default(0),
    /** Since when the work was due: the time of its status event. */
    dueSince: timestamp('due_since', { withTimezone: true }).notNull(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    stuckAt: timestamp('stuck_at', { withTimezone: true }),
    lastError: text('last_error'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    retriedAt: timestamp('retried_at', { withTimezone: true }),
    retriedBy: uuid('retried_by').references((): AnyPgColumn => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stuck_jobs_work_key_uq').on(t.workKey),
    index('stuck_jobs_open_idx').on(t.state, t.stuckAt).where(sql`${t.state} <> 'resolved'`),
  ],
);

/**
 * A recurring shift of a team in Amsterdam wall-clock time (core ShiftPattern). An edit changes only
 * the future: the current row is end-dated (valid_until) and a new row, pointing at it with
 * `replaces_id`, starts the day after, so the history of who was planned stays readable.
 */
export const shiftPatterns = pgTable(
  'shift_patterns',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    label: text('label').notNull(),
    /** ISO weekdays 1 (Monday) … 7 on which a shift starts. */
    weekdays: jsonb('weekdays').$type<number[]>().notNull(),
    /** Local 'HH:MM'; an end at or before the start ends the next day. */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** Last local date (inclusive) a shift of this pattern starts; null: open-ended. */
    validUntil: date('valid_until', { mode: 'string' }),
    /** Staff user ids (members of the team). */
    memberIds: jsonb('member_ids').$type<string[]>().notNull().default([]),
    leadId: uuid('lead_id').references((): AnyPgColumn => staffUsers.id),
    /** The version of the pattern this one replaced (an edit); null for a new pattern. */
    replacesId: text('replaces_id').references((): AnyPgColumn => shiftPatterns.id),
    createdBy: uuid('created_by').references((): AnyPgColumn => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('shift_patterns_team_idx').on(t.teamId, t.validFrom)],
);

/** A change for one local date: a swap, an absence (ziek/afwezig) or an extra shift; beats the pattern. */
export const rosterOverrides = pgTable(
  'roster_overrides',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    date: date('date', { mode: 'string' }).notNull(),
    /** 'swap' | 'absent' | 'extra' (core rosterOverrideSchema). */
    kind: text('kind').notNull(),
    /** absent: 'ziek' | 'afwezig'. */
    cause: text('cause'),
    /** swap (required) and absent (null: every shift of the day): the pattern whose shift changes. */
    patternId: text('pattern_id').references(() => shiftPatterns.id),
    /** swap and absent: who does not work. */
    memberId: uuid('member_id').references((): AnyPgColumn => staffUsers.id),
    /** swap: who works instead. */
    replacementId: uuid('replacement_id').references((): AnyPgColumn => staffUsers.id),
    /** extra: the shift. */
    label: text('label'),
    startTime: text('start_time'),
    endTime: text('end_time'),
    memberIds: jsonb('member_ids').$type<string[]>(),
    leadId: uuid('lead_id').references((): AnyPgColumn => staffUsers.id),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references((): AnyPgColumn => staffUsers.id),
    createdAt: createdAt(),
    /** Withdrawn: no longer applied to shifts that have not begun. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('roster_overrides_team_date_idx').on(t.teamId, t.date),
    check('roster_overrides_kind_ck', sql`${t.kind} in ('swap', 'absent', 'extra')`),
  ],
);

/**
 * Concrete shifts, generated ahead from patterns and overrides (or imported): the local date and
 * times as planned and the instants they mean (Temporal, Europe/Amsterdam). The id is core's
 * `<patternId>/<date>` or `extra/<overrideId>`, so regeneration is idempotent; shifts that began are
 * never rewritten.
 */
export const shiftInstances = pgTable(
  'shift_instances',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    label: text('label').notNull(),
    /** 'pattern' | 'extra' | 'ics' */
    sourceKind: text('source_kind').notNull(),
    patternId: text('pattern_id'),
    overrideId: text('override_id'),
    icsUid: text('ics_uid'),
    icsRecurrenceId: text('ics_recurrence_id'),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    localStart: text('local_start').notNull(),
    localEnd: text('local_end').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    memberIds: jsonb('member_ids').$type<string[]>().notNull(),
    leadId: text('lead_id'),
    overrideIds: jsonb('override_ids').$type<string[]>().notNull().default([]),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('shift_instances_team_starts_idx').on(t.teamId, t.startsAt),
    index('shift_instances_ends_idx').on(t.endsAt),
    // One shift per pattern, date and start: the rest of a running shift whose crew changed (someone
    // went home sick) is a continuation of the same pattern and date from that moment.
    uniqueIndex('shift_instances_pattern_date_start_uq')
      .on(t.patternId, t.localDate, t.startsAt)
      .where(sql`${t.sourceKind} = 'pattern'`),
  ],
);

/** An ordered routing rule; its content lives in immutable versions (routing_rule_versions). */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: text('id').primaryKey(),
    position: integer('position').notNull(),
    active: boolean('active').notNull().default(true),
    currentVersion: integer('current_version').notNull(),
    /** Since when the current version is invalid (a team switched off, an area gone); null: valid. */
    invalidSince: timestamp('invalid_since', { withTimezone: true }),
    /** What is wrong with it (Dutch, per field), for the console. */
    problems: jsonb('problems').$type<FieldError[]>(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('routing_rules_position_idx').on(t.position, t.id)],
);

/** One version of a rule; never changed: an edit inserts version + 1 (assignments point here). */
export const routingRuleVersions = pgTable(
  'routing_rule_versions',
  {
    ruleId: text('rule_id')
      .notNull()
      .references(() => routingRules.id),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    conditions: jsonb('conditions').$type<RuleConditions>().notNull(),
    outcome: jsonb('outcome').$type<RuleOutcome>().notNull(),
    createdBy: uuid('created_by').references((): AnyPgColumn => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.version] })],
);

/** Private calendar feeds (an officer's own shifts, or a team's); the URL holds a token, the row its sha256. */
export const calendarFeedTokens = pgTable(
  'calendar_feed_tokens',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    staffUserId: uuid('staff_user_id').references((): AnyPgColumn => staffUsers.id),
    teamId: text('team_id').references(() => teams.id),
    createdBy: uuid('created_by').references((): AnyPgColumn => staffUsers.id),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('calendar_feed_tokens_hash_uq').on(t.tokenHash),
    index('calendar_feed_tokens_user_idx').on(t.staffUserId),
    check('calendar_feed_tokens_owner_ck', sql`(${t.staffUserId} is null) <> (${t.teamId} is null)`),
  ],
);

/**
 * Wijk and buurt polygons imported from the CBS Wijk- en Buurtkaart (no PostGIS: the GeoJSON geometry
 * and its bounding box; a point is tested against the polygons whose box holds it).
 */
export const areas = pgTable(
  'areas',
  {
    /** CBS code: WK034205, BU03420501. */
    code: text('code').primaryKey(),
    naam: text('naam').notNull(),
    /** 'wijk' | 'buurt' */
    kind: text('kind').notNull(),
    /** GM0342 */
    gemeenteCode: text('gemeente_code').notNull(),
    /** GeoJSON Polygon or MultiPolygon (WGS84 lng/lat). */
    geometry: jsonb('geometry').$type<AreaGeometry>().notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    minLng: doublePrecision('min_lng').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    maxLng: doublePrecision('max_lng').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('areas_gemeente_kind_idx').on(t.gemeenteCode, t.kind),
    index('areas_bbox_idx').on(t.minLat, t.maxLat, t.minLng, t.maxLng),
    check('areas_kind_ck', sql`${t.kind} in ('wijk', 'buurt')`),
  ],
);

/**
 * The coordinator's decision on one proposal of the roster advice (issue 13): a patrol window or a
 * roster proposal of a team's week, by the proposal's stable id. The proposal as accepted (edited or
 * not) is kept, so the evaluation later reads what was decided, not what the advice says today.
 */
export const rosterAdviceDecisions = pgTable(
  'roster_advice_decisions',
  {
    id: uuid('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    /** ISO week, 'YYYY-Www'. */
    week: text('week').notNull(),
    proposalId: text('proposal_id').notNull(),
    /** 'patrol' | 'roster' */
    kind: text('kind').notNull(),
    /** 'accepted' | 'rejected' */
    decision: text('decision').notNull(),
    /** The proposal as decided (places, hours, visits or the shift). No personal data. */
    proposal: jsonb('proposal').$type<Record<string, unknown>>().notNull(),
    /** The roster overrides an accepted roster proposal became. */
    overrideIds: jsonb('override_ids').$type<string[]>().notNull().default([]),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references((): AnyPgColumn => staffUsers.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('roster_advice_decisions_proposal_uq').on(t.teamId, t.week, t.proposalId),
    check('roster_advice_decisions_kind_ck', sql`${t.kind} in ('patrol', 'roster')`),
    check('roster_advice_decisions_decision_ck', sql`${t.decision} in ('accepted', 'rejected')`),
  ],
);

/**
 * A visit of an accepted patrol window: a place (H3 cell and its centre) and a moment, for the team
 * on duty then. "Bezocht" records when and by whom it was tapped; nothing else about officers is kept.
 */
export const patrolTasks = pgTable(
  'patrol_tasks',
  {
    id: uuid('id').primaryKey(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => rosterAdviceDecisions.id, { onDelete: 'cascade' }),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    cell: text('cell').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    /** The place in words ("Kjoeps, Soesterberg"): the wijk the cell lies in. */
    placeLabel: text('place_label').notNull(),
    plannedAt: timestamp('planned_at', { withTimezone: true }).notNull(),
    minutes: integer('minutes').notNull(),
    visitedAt: timestamp('visited_at', { withTimezone: true }),
    visitedBy: uuid('visited_by').references((): AnyPgColumn => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [index('patrol_tasks_team_planned_idx').on(t.teamId, t.plannedAt)],
);
