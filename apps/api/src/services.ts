import {
  countDemoMeldingen,
  createCoalescedNotifier,
  createOutboxNotifier,
  type DatabaseClient,
  type OutboxNotifier,
  SecretBox,
} from '@buurtsignaal/db';
import { createConfigCache } from '@buurtsignaal/db/queries/config/config-cache';
import { notifyStaffEvents } from '@buurtsignaal/db/tables/staff-events-repository';
import type { FastifyBaseLogger } from 'fastify';
import { createStuckJobService, type StuckJobService } from './admin/stuck-job-service.ts';
import { type AdviceDecisionService, createAdviceDecisionService } from './advice/advice-decisions.ts';
import { createPatrolTaskService, type PatrolTaskService } from './advice/patrol-task-service.ts';
import { createRosterAdviceService, type RosterAdviceService } from './advice/roster-advice-service.ts';
import { type AreasService, createAreasService } from './areas/areas-service.ts';
import type { ApiConfig } from './config.ts';
import {
  createEscalationPolicyService,
  type EscalationPolicyService,
} from './dispatch/escalation-policy-service.ts';
import { createUnansweredService, type UnansweredService } from './dispatch/unanswered-service.ts';
import { createGroupService, type GroupService } from './grouping/group-service.ts';
import { createHandlingService, type HandlingService } from './handling/handling-service.ts';
import {
  createNotableService,
  createStaffMeldingService,
  createStandardTextService,
  type NotableService,
  type StaffMeldingService,
  type StandardTextService,
} from './handling/staff-melding-service.ts';
import { createHotspotService, type HotspotService } from './hotspots/hotspot-service.ts';
import { createIntakeService, type IntakeService } from './intake/intake-service.ts';
import type { PhotoStore } from './photos/photo-store.ts';
import {
  createPushSubscriptionService,
  type PushSubscriptionService,
} from './push/push-subscription-service.ts';
import { createWeeklyReportService, type WeeklyReportService } from './reports/weekly-report-service.ts';
import { type CalendarService, createCalendarService } from './rosters/calendar-service.ts';
import { createRosterService, type RosterService } from './rosters/roster-service.ts';
import { createTeamService, type TeamService } from './rosters/team-service.ts';
import { createDryRunService, type DryRunService } from './routing/dry-run-service.ts';
import { createRerouteService, type RerouteService } from './routing/reroute-service.ts';
import { createRoutingRuleService, type RoutingRuleService } from './routing/routing-rule-service.ts';
import { type AccountService, createAccountService } from './staff/account-service.ts';
import { createStaffServices, resolveStaffKey, type StaffServices } from './staff/staff-services.ts';
import { createStaffEventHub, type StaffEventHub } from './staff-events/staff-event-hub.ts';
import { createMelderActionsService, type MelderActionsService } from './status/melder-actions-service.ts';
import { createStatusService, type StatusService } from './status/status-service.ts';

export interface ServiceDeps {
  config: ApiConfig;
  database: DatabaseClient;
  photoStore: PhotoStore;
  now: () => Date;
  /** Where a missing key is reported (a key for this process only is then used). */
  log: FastifyBaseLogger;
  /** Seals status tokens; defaults to one from config.statusLinkKey. */
  secretBox?: SecretBox | undefined;
  /** Seals TOTP secrets and derives CSRF tokens; defaults from config (see resolveStaffKey). */
  staffKey?: Buffer | undefined;
  /** Called after each melding commits (its outbox row is then visible). */
  onMeldingStored?: ((event: { meldingId: string; statusEventId: number }) => void) | undefined;
  /** How often the live console's hub reads the table without a NOTIFY (default 5 s). */
  staffEventsPollMs?: number | undefined;
}

/** Every service of the API, built once per app; each route gets the ones it uses. */
export interface Services {
  /** The app's one outbox notifier: poked after every committed write that adds an outbox row. */
  outboxNotifier: OutboxNotifier;
  /** Wakes the live consoles of every API instance after a committed staff event. */
  staffEventsNotifier: OutboxNotifier;
  /** This instance's fan-out of staff events to the consoles connected here. */
  staffEventHub: StaffEventHub;
  intake: IntakeService;
  status: StatusService;
  melderActions: MelderActionsService;
  /** Keys, sessions, audit writer and login of the staff API. */
  staff: StaffServices;
  accounts: AccountService;
  meldingen: StaffMeldingService;
  handling: HandlingService;
  /** Incident groups: nearby meldingen, grouping by hand, splitting. */
  groups: GroupService;
  standardTexts: StandardTextService;
  notable: NotableService;
  reports: WeeklyReportService;
  hotspots: HotspotService;
  stuckJobs: StuckJobService;
  routingRules: RoutingRuleService;
  dryRuns: DryRunService;
  reroutes: RerouteService;
  teams: TeamService;
  rosters: RosterService;
  calendar: CalendarService;
  areas: AreasService;
  unanswered: UnansweredService;
  rosterAdvice: RosterAdviceService;
  adviceDecisions: AdviceDecisionService;
  patrolTasks: PatrolTaskService;
  /** How many demo meldingen (DEMO_SEED) the database holds: the console marks them. */
  demoData: { count(): Promise<number> };
  /** The officers' devices that receive Web Push. */
  push: PushSubscriptionService;
  escalationPolicies: EscalationPolicyService;
}

export function createServices(deps: ServiceDeps): Services {
  const { config, database, photoStore, now, log } = deps;
  const db = database.db;
  let secretBox =
    deps.secretBox ?? (config.statusLinkKey ? SecretBox.fromBase64(config.statusLinkKey) : undefined);
  if (!secretBox) {
    // server.ts refuses this in production; elsewhere links keep working until the process restarts.
    log.warn('STATUS_LINK_KEY is not set: using a key for this process only');
    secretBox = SecretBox.fromBase64(SecretBox.generateKey());
  }
  // Wakes the outbox relays after each commit (see createOutboxNotifier for why not a trigger).
  const outboxNotifier = createOutboxNotifier(db);
  const staffEventsNotifier = createCoalescedNotifier(() => notifyStaffEvents(db));
  // Teams, rules, areas and rosters in memory for the pickup sentence, versioned by the database.
  const configCache = createConfigCache();
  const intake = createIntakeService({
    config,
    database,
    photoStore,
    now,
    secretBox,
    configCache,
    onMeldingStored: (event) => {
      outboxNotifier.poke();
      deps.onMeldingStored?.(event);
    },
  });
  const status = createStatusService({ database, config: config.melder, now, configCache });
  const melderActions = createMelderActionsService({
    database,
    config: config.melder,
    now,
    onOutboxWritten: () => outboxNotifier.poke(),
  });
  const staffKey = resolveStaffKey(config, log, deps.staffKey);
  const routingRules = createRoutingRuleService({ db, now });
  const rosters = createRosterService({ db, now });
  const rosterAdvice = createRosterAdviceService({
    db,
    now,
    minCount: config.reports.minCount,
    historyWeeks: config.advice.historyWeeks,
    harmWeights: config.advice.harmWeights,
  });
  return {
    outboxNotifier,
    staffEventsNotifier,
    staffEventHub: createStaffEventHub({ database, log, pollMs: deps.staffEventsPollMs }),
    intake,
    status,
    melderActions,
    staff: createStaffServices({ db, config, now, key: staffKey }),
    accounts: createAccountService({ db, now }),
    meldingen: createStaffMeldingService({ db, publicBaseUrl: config.publicBaseUrl }),
    handling: createHandlingService({ db, now, outboxNotifier, staffEventsNotifier }),
    groups: createGroupService({ db, now, outboxNotifier, staffEventsNotifier }),
    standardTexts: createStandardTextService({ db, now }),
    notable: createNotableService({ db, now }),
    reports: createWeeklyReportService({ db, now, minCount: config.reports.minCount }),
    hotspots: createHotspotService({ db, now }),
    stuckJobs: createStuckJobService({ db, now, outboxNotifier }),
    routingRules,
    dryRuns: createDryRunService({ db, now, validateDraft: routingRules.validate }),
    reroutes: createRerouteService({ db, now, outboxNotifier, staffEventsNotifier }),
    teams: createTeamService({ db, now }),
    rosters,
    calendar: createCalendarService({ db, now, publicBaseUrl: config.publicBaseUrl }),
    areas: createAreasService({ db, now }),
    escalationPolicies: createEscalationPolicyService({ db, now }),
    unanswered: createUnansweredService({ db }),
    rosterAdvice,
    adviceDecisions: createAdviceDecisionService({ db, now, advice: rosterAdvice, rosters }),
    patrolTasks: createPatrolTaskService({ db, now }),
    demoData: { count: () => countDemoMeldingen(db) },
    push: createPushSubscriptionService({ db, now, publicKey: config.push.vapidPublicKey }),
  };
}
