import type { AnswerValue, PublicCategory } from './core.ts';
import type { Draft } from './draft.ts';

const ACCURACY_MAX = 10_000;

/** The local date and time of an "eerder" answer as an ISO instant, or null when incomplete/invalid. */
export function occurredAtOf(draft: Pick<Draft, 'when' | 'date' | 'time'>): string | null {
  if (draft.when !== 'eerder' || !draft.date || !draft.time) return null;
  const at = new Date(`${draft.date}T${draft.time}`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

function answerValue(
  question: PublicCategory['questions'][number] | undefined,
  value: Draft['answers'][string],
): AnswerValue | undefined {
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.length > 0 ? value : undefined;
  const text = value.trim();
  if (text === '') return undefined;
  // A number question typed as text: send a number when it is one, else the text so that the server
  // (and the shared schema) says what is wrong with it.
  if (question?.type === 'number' && /^-?\d+$/.test(text)) return Number(text);
  return text;
}

/**
 * The melding as the API takes it (POST /api/v1/meldingen), built from the draft. Not validated:
 * run it through intakeSchema to find the problems.
 */
export function buildMelding(draft: Draft, category: PublicCategory | undefined): Record<string, unknown> {
  const melding: Record<string, unknown> = { description: draft.description };
  if (draft.category) melding.category = draft.category;
  if (draft.subcategory) melding.subcategory = draft.subcategory;
  const occurredAt = occurredAtOf(draft);
  if (occurredAt) melding.occurredAt = occurredAt;
  if (draft.location) {
    const { lat, lng, accuracy, address, source, description } = draft.location;
    melding.location = {
      lat,
      lng,
      ...(accuracy !== undefined && Number.isFinite(accuracy) && accuracy <= ACCURACY_MAX
        ? { accuracy: Math.max(0, accuracy) }
        : {}),
      ...(address?.trim() ? { address: address.trim().slice(0, 200) } : {}),
      // Sent as typed (also when empty or too short), so that the schema's message reaches the field.
      ...(source === 'wijk' ? { description: description ?? '' } : {}),
    };
  }
  const answers: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(draft.answers)) {
    const question = category?.questions.find((q) => q.id === id);
    // Answers to questions of another category (after switching) are left out.
    if (category && !question) continue;
    const v = answerValue(question, value);
    if (v !== undefined) answers[id] = v;
  }
  if (Object.keys(answers).length > 0) melding.answers = answers;
  if (draft.contactChoice === 'gegevens') {
    const email = draft.email.trim();
    const phone = draft.phone.trim();
    const contact: Record<string, unknown> = {};
    if (email) contact.email = email;
    if (phone) contact.phone = phone;
    if (email && draft.wantsFeedback) contact.wantsFeedback = true;
    if (Object.keys(contact).length > 0) melding.contact = contact;
  }
  return melding;
}
