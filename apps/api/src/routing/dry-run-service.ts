import {
  decideRoute,
  type MeldingFacts,
  type RouteDecision,
  type RoutingContext,
  type RoutingRule,
} from '@buurtsignaal/core';
import type { DraftDryRunBody, DryRunBody, dryRunResponseSchema } from '@buurtsignaal/core/contract';
import type { DbOrTx } from '@buurtsignaal/db';
import { onDutyAt } from '@buurtsignaal/db/queries/roster/on-duty';
import { staffNames } from '@buurtsignaal/db/queries/roster/team-membership';
import { loadRoutingContext } from '@buurtsignaal/db/queries/routing/routing-context';
import { answersOf } from '@buurtsignaal/db/queries/routing/routing-facts';
import { listRoutableMeldingenSince } from '@buurtsignaal/db/queries/routing/rule-usage';
import type { z } from 'zod';
import { draftRule, draftRuleSet, withDraftLookups } from './draft-rules.ts';

type DryRunReply = z.output<typeof dryRunResponseSchema>;

const DAY_MS = 86_400_000;
/** The what-if looks at no more than this many meldingen (newest first) and lists this many changes. */
const DRAFT_MAX_MELDINGEN = 2000;
const DRAFT_MAX_EXAMPLES = 20;

export interface DraftDryRunReply {
  total: number;
  changed: number;
  examples: {
    id: string;
    reference: string;
    before: { team: { id: string; name: string }; priority: RouteDecision['priority'] };
    after: { team: { id: string; name: string }; priority: RouteDecision['priority'] };
  }[];
}

export interface DryRunService {
  /** How a melding with these facts would be routed at `at` (default now), and who is on duty then. */
  dryRun(body: DryRunBody): Promise<DryRunReply>;
  /** How the last 30 days of meldingen would be routed with the draft in the rules, against without. */
  draft(body: DraftDryRunBody): Promise<DraftDryRunReply>;
}

/** A category the context does not know cannot be routed at all; the contract only lets known ones in. */
function decided(facts: MeldingFacts, rules: readonly RoutingRule[], ctx: RoutingContext): RouteDecision {
  const decision = decideRoute(facts, rules, ctx);
  if (!decision) throw new Error(`no routing for category ${facts.category}`);
  return decision;
}

const route = (d: RouteDecision) => ({ team: { id: d.teamId, name: d.teamName }, priority: d.priority });

export function createDryRunService(deps: {
  db: DbOrTx;
  now: () => Date;
  /** Checks a draft as saving would (400 naming the field). */
  validateDraft: (draft: RoutingRule) => Promise<RoutingRule>;
}): DryRunService {
  const { db, now } = deps;

  return {
    async dryRun(body) {
      const at = body.at === undefined ? now() : new Date(body.at);
      const facts: MeldingFacts = {
        category: body.category,
        subcategory: body.subcategory ?? null,
        answers: answersOf(body.answers ?? {}),
        happenedAt: at,
        reportedAt: at,
      };
      const { lat, lng } = body.location;
      const loaded = await loadRoutingContext(db, { facts, lat, lng, at, countsSelf: false });
      const decision = decided(facts, loaded.rules, loaded.context);
      const [duty] = await onDutyAt(db, [decision.teamId], at);
      const members = duty?.members ?? [];
      const names = await staffNames(
        db,
        members.map((m) => m.memberId),
      );
      return {
        team: { id: decision.teamId, name: decision.teamName },
        priority: decision.priority,
        rule: decision.rule,
        reason: decision.reason,
        onDuty: members.map((m) => ({ id: m.memberId, name: names.get(m.memberId) ?? m.memberId })),
      };
    },

    async draft(body) {
      const at = now();
      const meldingen = await listRoutableMeldingenSince(
        db,
        new Date(at.getTime() - 30 * DAY_MS),
        DRAFT_MAX_MELDINGEN,
      );
      let changed = 0;
      const examples: DraftDryRunReply['examples'] = [];
      let draftRules: RoutingRule[] | undefined;
      for (const m of meldingen) {
        const facts: MeldingFacts = {
          category: m.category,
          subcategory: m.subcategory,
          answers: answersOf(m.answers),
          happenedAt: m.occurredAt,
          reportedAt: m.createdAt,
        };
        // Who was on duty when it came in: the moment the worker decided on it.
        const input = { facts, lat: m.lat, lng: m.lng, at: m.createdAt, countsSelf: true };
        const loaded = await loadRoutingContext(db, input);
        if (!loaded.context.categories.some((c) => c.id === m.category)) continue;
        draftRules ??= await draftRuleSet(loaded.rules, body, deps.validateDraft);
        const before = decided(facts, loaded.rules, loaded.context);
        const ctx = await withDraftLookups(db, loaded.context, draftRules, input);
        const after = decided(facts, draftRules, ctx);
        if (before.teamId === after.teamId && before.priority === after.priority) continue;
        changed += 1;
        if (examples.length < DRAFT_MAX_EXAMPLES)
          examples.push({ id: m.id, reference: m.reference, before: route(before), after: route(after) });
      }
      // With no meldingen the draft is still checked, so a bad draft is never "0 changes".
      if (!draftRules) await deps.validateDraft(draftRule(body, undefined));
      return { total: meldingen.length, changed, examples };
    },
  };
}
