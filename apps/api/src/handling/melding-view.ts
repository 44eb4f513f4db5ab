import {
  allowedTransitions,
  type CategoryDefinition,
  getCategory,
  isMeldingStatus,
  listWijken,
  type MeldingStatus,
  type Priority,
  priorities,
  type Question,
  staffStatusLabel,
  statusRules,
} from '@buurtsignaal/core';
import { handlingTexts } from '../texts/index.ts';

// Pure mapping from database rows to the contract's shapes (docs/staff-api.md).

const wijkNames = new Map(listWijken().map((w) => [w.code, w.naam]));

export function statusView(code: string): { code: MeldingStatus; label: string } {
  // The database only holds statuses of the machine; anything else is a bug, not user input.
  if (!isMeldingStatus(code)) throw new Error(`unknown status in the database: ${code}`);
  return { code, label: staffStatusLabel(code) };
}

export function categoryView(category: string, subcategory: string | null) {
  const definition = getCategory(category);
  const sub = subcategory ? definition?.subcategories.find((s) => s.id === subcategory) : undefined;
  return {
    category: { id: category, label: definition?.label ?? category },
    subcategory: subcategory ? { id: subcategory, label: sub?.label ?? subcategory } : null,
  };
}

export const teamView = (id: string | null, name: string | null) => (id ? { id, name: name ?? id } : null);

export const wijkView = (code: string | null) => (code ? { code, naam: wijkNames.get(code) ?? code } : null);

export const assigneeView = (id: string | null, name: string | null) =>
  id ? { id, name: name ?? id } : null;

export const priorityView = (priority: string | null): Priority | null =>
  (priorities as readonly string[]).includes(priority ?? '') ? (priority as Priority) : null;

function answerText(question: Question | undefined, value: unknown): string {
  const optionLabel = (v: unknown) =>
    question && 'options' in question
      ? (question.options.find((o) => o.value === v)?.label ?? String(v))
      : String(v);
  if (typeof value === 'boolean') return value ? handlingTexts.answerYes : handlingTexts.answerNo;
  if (Array.isArray(value)) return value.map(optionLabel).join(', ');
  return optionLabel(value);
}

/** The melder's answers in the order of the category's questions, as readable Dutch values. */
export function answersView(
  category: string,
  answers: Record<string, unknown>,
): { questionId: string; label: string; value: string }[] {
  const definition: CategoryDefinition | undefined = getCategory(category);
  const order = definition?.questions.map((q) => q.id) ?? [];
  const ids = [
    ...order.filter((id) => Object.hasOwn(answers, id)),
    ...Object.keys(answers).filter((id) => !order.includes(id)),
  ];
  return ids.flatMap((questionId) => {
    const value = answers[questionId];
    if (value === undefined || value === null || value === '') return [];
    const question = definition?.questions.find((q) => q.id === questionId);
    return [{ questionId, label: question?.label ?? questionId, value: answerText(question, value) }];
  });
}

export function allowedTransitionsView(status: MeldingStatus) {
  return allowedTransitions(status).map((to) => ({
    to,
    label: staffStatusLabel(to),
    requiresPublicMessage: statusRules[to].requiresPublicMessage,
    requiresReason: statusRules[to].requiresReason,
    notifiesMelder: statusRules[to].notifiesMelder,
  }));
}
