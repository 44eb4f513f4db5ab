import { staffStatusLabels, statusLabels, transitionMessages } from './texts-nl.ts';

export const meldingStatuses = [
  'gemeld',
  'ingedeeld',
  'in_behandeling',
  'reactie_gevraagd',
  'doorgestuurd',
  'afgehandeld',
  'geannuleerd',
  'heropend',
] as const;
export type MeldingStatus = (typeof meldingStatuses)[number];

/*
 * Transition table (from → allowed targets). Every change is an append-only status event.
 *
 * | from             | to                                                            | why
 * | ---------------- | ------------------------------------------------------------- | ---
 * | gemeld           | ingedeeld, in_behandeling, geannuleerd                        | routed; claimed before routing; spam/duplicate
 * | ingedeeld        | ingedeeld, in_behandeling, doorgestuurd, geannuleerd          | ingedeeld→ingedeeld = escalation or reassignment to another team
 * | in_behandeling   | reactie_gevraagd, doorgestuurd, afgehandeld, geannuleerd      |
 * | reactie_gevraagd | in_behandeling, afgehandeld, geannuleerd                      | reporter answered (or not)
 * | doorgestuurd     | in_behandeling, afgehandeld, heropend                         | taken back; other organisation done; reporter not satisfied
 * | afgehandeld      | heropend                                                      | reporter says "not solved", or staff reopen
 * | geannuleerd      | heropend                                                      | cancelled by mistake
 * | heropend         | ingedeeld, in_behandeling, geannuleerd                        | routed again; claimed directly; cancelled
 *
 * Rules per target status:
 * | to               | public message | reason | notifies melder
 * | ---------------- | -------------- | ------ | ---------------
 * | gemeld           | -              | -      | no (the 'ontvangen' confirmation is sent at intake)
 * | ingedeeld        | -              | -      | no (internal routing)
 * | in_behandeling   | -              | -      | yes
 * | reactie_gevraagd | required (the question) | - | yes
 * | doorgestuurd     | required       | -      | yes
 * | afgehandeld      | required       | -      | yes
 * | geannuleerd      | optional       | required (internal) | yes (shown as "Afgehandeld"; a generic text when no public message)
 * | heropend         | -              | -      | yes
 */
export const statusTransitions: Readonly<Record<MeldingStatus, readonly MeldingStatus[]>> = {
  gemeld: ['ingedeeld', 'in_behandeling', 'geannuleerd'],
  ingedeeld: ['ingedeeld', 'in_behandeling', 'doorgestuurd', 'geannuleerd'],
  in_behandeling: ['reactie_gevraagd', 'doorgestuurd', 'afgehandeld', 'geannuleerd'],
  reactie_gevraagd: ['in_behandeling', 'afgehandeld', 'geannuleerd'],
  doorgestuurd: ['in_behandeling', 'afgehandeld', 'heropend'],
  afgehandeld: ['heropend'],
  geannuleerd: ['heropend'],
  heropend: ['ingedeeld', 'in_behandeling', 'geannuleerd'],
};

export interface StatusRule {
  requiresPublicMessage: boolean;
  requiresReason: boolean;
  notifiesMelder: boolean;
  /** Open: still needs work by someone (counts for queues and afhandeltermijn). */
  open: boolean;
}

export const statusRules: Readonly<Record<MeldingStatus, StatusRule>> = {
  gemeld: { requiresPublicMessage: false, requiresReason: false, notifiesMelder: false, open: true },
  ingedeeld: { requiresPublicMessage: false, requiresReason: false, notifiesMelder: false, open: true },
  in_behandeling: { requiresPublicMessage: false, requiresReason: false, notifiesMelder: true, open: true },
  reactie_gevraagd: { requiresPublicMessage: true, requiresReason: false, notifiesMelder: true, open: true },
  doorgestuurd: { requiresPublicMessage: true, requiresReason: false, notifiesMelder: true, open: true },
  afgehandeld: { requiresPublicMessage: true, requiresReason: false, notifiesMelder: true, open: false },
  geannuleerd: { requiresPublicMessage: false, requiresReason: true, notifiesMelder: true, open: false },
  heropend: { requiresPublicMessage: false, requiresReason: false, notifiesMelder: true, open: true },
};

export function isMeldingStatus(value: unknown): value is MeldingStatus {
  return typeof value === 'string' && (meldingStatuses as readonly string[]).includes(value);
}

export function allowedTransitions(from: MeldingStatus): MeldingStatus[] {
  return [...statusTransitions[from]];
}

export function canTransition(from: MeldingStatus, to: MeldingStatus): boolean {
  return statusTransitions[from].includes(to);
}

export function requiresPublicMessage(to: MeldingStatus): boolean {
  return statusRules[to].requiresPublicMessage;
}

export function requiresReason(to: MeldingStatus): boolean {
  return statusRules[to].requiresReason;
}

export function notifiesMelder(to: MeldingStatus): boolean {
  return statusRules[to].notifiesMelder;
}

export type TransitionErrorCode = 'INVALID_TRANSITION' | 'PUBLIC_MESSAGE_REQUIRED' | 'REASON_REQUIRED';

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: TransitionErrorCode; allowed: MeldingStatus[]; message: string };

export interface TransitionInput {
  publicMessage?: string | undefined;
  reason?: string | undefined;
}

const hasText = (value: string | undefined): boolean => value !== undefined && value.trim().length > 0;

export function checkTransition(
  from: MeldingStatus,
  to: MeldingStatus,
  input: TransitionInput = {},
): TransitionCheck {
  const allowed = allowedTransitions(from);
  const fromLabel = staffStatusLabels[from];
  const toLabel = staffStatusLabels[to];
  if (!allowed.includes(to)) {
    const allowedLabels = allowed.map((s) => staffStatusLabels[s]);
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      allowed,
      message: transitionMessages.invalidTransition(fromLabel, toLabel, allowedLabels),
    };
  }
  if (statusRules[to].requiresPublicMessage && !hasText(input.publicMessage)) {
    return {
      ok: false,
      code: 'PUBLIC_MESSAGE_REQUIRED',
      allowed,
      message: transitionMessages.publicMessageRequired(toLabel),
    };
  }
  if (statusRules[to].requiresReason && !hasText(input.reason)) {
    return {
      ok: false,
      code: 'REASON_REQUIRED',
      allowed,
      message: transitionMessages.reasonRequired(toLabel),
    };
  }
  return { ok: true };
}

/** What the reporter sees (GLOSSARY.md): ingedeeld shows as "Ontvangen", geannuleerd as "Afgehandeld". */
export function publicStatusLabel(status: MeldingStatus): string {
  return statusLabels[status];
}

export function staffStatusLabel(status: MeldingStatus): string {
  return staffStatusLabels[status];
}

export function isOpen(status: MeldingStatus): boolean {
  return statusRules[status].open;
}
