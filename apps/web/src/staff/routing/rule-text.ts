import { categories, routingReasonTexts } from '@buurtsignaal/core';
import { staffTexts, staffRoutingTexts as t } from '../../texts/index.ts';
import type { RoutingRule } from './routing-api.ts';

// A rule's conditions as one Dutch line for the list ("jeugdoverlast; wijk Soesterberg; ma–vr 20:00–02:00").

const categoryLabel = (id: string) => categories.find((c) => c.id === id)?.label.toLowerCase() ?? id;
const subcategoryLabel = (id: string) =>
  categories
    .flatMap((c) => c.subcategories)
    .find((s) => s.id === id)
    ?.label.toLowerCase() ?? id;

export const priorityLabel = (p: string): string => (staffTexts.priorities[p] ?? p).toLowerCase();

export function conditionsText(
  rule: RoutingRule,
  areaName: (code: string) => string,
  teamName: (id: string) => string,
): string {
  const c = rule.conditions;
  const parts: string[] = [];
  if (c.categories) parts.push(c.categories.map(categoryLabel).join(' of '));
  if (c.subcategories) parts.push(c.subcategories.map(subcategoryLabel).join(' of '));
  if (c.areaCodes) parts.push(c.areaCodes.map(areaName).join(' of '));
  if (c.time) {
    const days = c.time.weekdays
      ? c.time.weekdays.map((d) => staffTexts.weekdaysShort[d - 1] ?? String(d)).join(', ')
      : 'elke dag';
    parts.push(`${days} ${c.time.start}–${c.time.end} (${t.timeOnShort[c.time.on]})`);
  }
  for (const a of c.answers ?? []) parts.push(routingReasonTexts.answer(a.questionId, a.equals));
  if (c.repeat)
    parts.push(routingReasonTexts.repeat(c.repeat.minCount, c.repeat.radiusMetres, c.repeat.days));
  if (c.teamOnDuty) parts.push(routingReasonTexts.onDuty(teamName(c.teamOnDuty.teamId), c.teamOnDuty.onDuty));
  return parts.length > 0 ? parts.join('; ') : 'alle meldingen';
}
