import type { MeldingStatus } from '../status-machine.ts';
import { statusChangeReachesMelder } from './mail-policy.ts';

/**
 * Coalescing of status mails: changes that follow each other within a short window (an officer claims
 * and asks a question a minute later) reach the melder as ONE mail that says all of them. The mail of
 * a change waits until the window after it has passed; a change followed by another within the window
 * leaves its news to the later one's mail. A closing message (afgehandeld, geannuleerd) never waits:
 * it goes at once and says what was still waiting.
 */

/** A status change as the coalescing sees it. */
export interface CoalescedStatusChange {
  id: number;
  status: MeldingStatus;
  actor: string;
  at: Date;
  publicMessage: string | null;
  /** A mail for this change went out, or is going out (its news needs no other mail). */
  mailed: boolean;
}

export type StatusMailPlan =
  /** Wait for the window to pass: another change may still follow. */
  | { kind: 'wait'; until: Date }
  /** A later change (id) within the window carries this one's news: no mail of its own. */
  | { kind: 'absorbed'; by: number }
  /** Send now, saying these earlier changes too (oldest first), that had no mail of their own. */
  | { kind: 'send'; earlier: CoalescedStatusChange[] };

export const closingStatuses: readonly MeldingStatus[] = ['afgehandeld', 'geannuleerd'];

export function isClosingStatus(status: MeldingStatus): boolean {
  return closingStatuses.includes(status);
}

const byTime = (a: CoalescedStatusChange, b: CoalescedStatusChange) =>
  a.at.getTime() - b.at.getTime() || a.id - b.id;

/**
 * What to do with the mail of `change`, given every status change of the melding (`all`, which may
 * include `change` itself and changes the melder does not hear of) and the window (0: every change its
 * own mail, at once).
 */
export function planStatusMail(input: {
  change: CoalescedStatusChange;
  all: readonly CoalescedStatusChange[];
  windowMs: number;
  now: Date;
}): StatusMailPlan {
  const { change, windowMs } = input;
  if (windowMs <= 0) return { kind: 'send', earlier: [] };
  const news = input.all
    .filter((c) => c.id !== change.id && statusChangeReachesMelder({ status: c.status, actor: c.actor }))
    .sort(byTime);
  const after = (c: CoalescedStatusChange) => byTime(c, change) > 0;
  const closing = isClosingStatus(change.status);
  if (!closing) {
    const next = news.find(after);
    if (next && next.at.getTime() - change.at.getTime() <= windowMs) return { kind: 'absorbed', by: next.id };
    const until = new Date(change.at.getTime() + windowMs);
    if (input.now.getTime() < until.getTime()) return { kind: 'wait', until };
  }
  // Back from this change: each one within the window of the next, until one that had its own mail.
  const earlier: CoalescedStatusChange[] = [];
  let cursor = change;
  for (const prev of news.filter((c) => !after(c)).reverse()) {
    if (prev.mailed || cursor.at.getTime() - prev.at.getTime() > windowMs) break;
    earlier.unshift(prev);
    cursor = prev;
  }
  return { kind: 'send', earlier };
}
