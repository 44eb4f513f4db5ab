import type { AnswerValue, CategoryDefinition, Question } from './categories.ts';
import { intakeMessages as m } from './texts-nl.ts';

export interface AnswerIssue {
  questionId: string;
  message: string;
}

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** Why `value` is not a valid answer to `question`, or null when it is. `value` is not empty. */
function answerProblem(question: Question, value: unknown): string | null {
  switch (question.type) {
    case 'choice':
      return typeof value === 'string' && question.options.some((o) => o.value === value)
        ? null
        : m.answerChoice(question.label);
    case 'multi_choice': {
      const values = new Set(question.options.map((o) => o.value));
      const ok =
        Array.isArray(value) &&
        value.every((v) => typeof v === 'string' && values.has(v)) &&
        new Set(value).size === value.length;
      return ok ? null : m.answerMultiChoice(question.label);
    }
    case 'number':
      return typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= question.min &&
        value <= question.max
        ? null
        : m.answerNumber(question.label, question.min, question.max);
    case 'boolean':
      return typeof value === 'boolean' ? null : m.answerBoolean(question.label);
  }
}

/**
 * Checks the answers against the category's questions: unknown question ids, wrong types, options
 * and ranges, and missing required answers. An empty answer to an optional question is allowed.
 */
export function validateAnswers(
  category: CategoryDefinition,
  answers: Readonly<Record<string, unknown>> | undefined,
): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const given = answers ?? {};
  const questions = new Map(category.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(given)) {
    if (!questions.has(id)) issues.push({ questionId: id, message: m.unknownQuestion(id) });
  }
  for (const question of category.questions) {
    const value = Object.hasOwn(given, question.id) ? given[question.id] : undefined;
    if (isEmpty(value)) {
      if (question.required) {
        issues.push({ questionId: question.id, message: m.answerRequired(question.label) });
      }
      continue;
    }
    const problem = answerProblem(question, value);
    if (problem !== null) issues.push({ questionId: question.id, message: problem });
  }
  return issues;
}

/** True when one of the answers asks for the 112 advice (e.g. "Is het nu aan de gang?" → ja). */
export function answersTrigger112(
  category: CategoryDefinition,
  answers: Readonly<Record<string, AnswerValue>> | undefined,
): boolean {
  if (!answers) return false;
  return category.questions.some(
    (q) => q.triggers112 !== undefined && answers[q.id] === q.triggers112.equals,
  );
}
