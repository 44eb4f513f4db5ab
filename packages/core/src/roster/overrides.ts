// Overrides beat patterns: applied to the instances generated for their date, in the order given
// (callers pass them in the order they were made). One that cannot apply is reported, never dropped.
import { overrideIssueTexts as t } from '../texts/roster-nl.ts';
import type { AbsenceOverride, RosterOverride, ShiftInstance, SwapOverride } from './roster-schema.ts';

export interface OverrideIssue {
  overrideId: string;
  date: string;
  code: 'NO_SHIFT' | 'NOT_ON_SHIFT' | 'OTHER_TEAM';
  message: string;
}

const issue = (o: RosterOverride, code: OverrideIssue['code'], message: string): OverrideIssue => ({
  overrideId: o.id,
  date: o.date,
  code,
  message,
});

function applySwap(shift: ShiftInstance, o: SwapOverride): ShiftInstance {
  const memberIds = shift.memberIds.includes(o.replacementId)
    ? shift.memberIds.filter((id) => id !== o.memberId)
    : shift.memberIds.map((id) => (id === o.memberId ? o.replacementId : id));
  const leadId = shift.leadId === o.memberId ? o.replacementId : shift.leadId;
  return { ...shift, memberIds, leadId, overrideIds: [...shift.overrideIds, o.id] };
}

function applyAbsence(shift: ShiftInstance, o: AbsenceOverride): ShiftInstance {
  return {
    ...shift,
    memberIds: shift.memberIds.filter((id) => id !== o.memberId),
    leadId: shift.leadId === o.memberId ? null : shift.leadId,
    overrideIds: [...shift.overrideIds, o.id],
  };
}

const ofPattern = (s: ShiftInstance, patternId: string) =>
  s.source.kind === 'pattern' && s.source.patternId === patternId;

/**
 * Applies swap and absence overrides to `shifts` (all shifts starting on the overrides' dates). An
 * absent lead leaves the shift without a lead; a swapped lead hands the lead to the replacement.
 * Extra shifts are not handled here: they are generated as instances of their own.
 */
export function applyOverrides(
  shifts: readonly ShiftInstance[],
  overrides: readonly RosterOverride[],
): { shifts: ShiftInstance[]; issues: OverrideIssue[] } {
  const result = [...shifts];
  const issues: OverrideIssue[] = [];
  for (const o of overrides) {
    if (o.kind === 'extra') continue;
    const onDate = result
      .map((s, index) => ({ s, index }))
      .filter(({ s }) => s.localDate === o.date && (o.patternId === null || ofPattern(s, o.patternId)));
    if (onDate.length === 0) {
      issues.push(issue(o, 'NO_SHIFT', t.noShift(o.date)));
      continue;
    }
    if (onDate.some(({ s }) => s.teamId !== o.teamId)) {
      issues.push(issue(o, 'OTHER_TEAM', t.otherTeam));
      continue;
    }
    const withMember = onDate.filter(({ s }) => s.memberIds.includes(o.memberId));
    if (withMember.length === 0) {
      issues.push(issue(o, 'NOT_ON_SHIFT', t.notOnShift(o.date)));
      continue;
    }
    for (const { s, index } of withMember) {
      result[index] = o.kind === 'swap' ? applySwap(s, o) : applyAbsence(s, o);
    }
  }
  return { shifts: result, issues };
}
