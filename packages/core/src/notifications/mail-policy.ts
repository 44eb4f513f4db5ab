// Whether the melder gets an e-mail: one decision for the notification worker (which sends) and the
// console's mail preview (which says whether it would be sent), so that the two cannot drift apart.
import { type MeldingStatus, notifiesMelder } from '../status-machine.ts';

/** status_events.actor of a change the melder made on the status page (an answer, feedback, a reopen). */
export const MELDER_ACTOR = 'melder';

/** status_events.actor of a change by a staff member. */
export const staffActor = (staffUserId: string): string => `staff:${staffUserId}`;

export interface MailRecipient {
  email: string | null | undefined;
  /** The melder asked for terugkoppeling. */
  wantsFeedback: boolean;
  /** The melder's contact data were anonymised (AVG): never mail. */
  anonymised: boolean;
}

/** Only a melder who left an address, asked for terugkoppeling and was not anonymised gets mail. */
export function canReceiveMail(recipient: MailRecipient): boolean {
  return Boolean(recipient.email) && recipient.wantsFeedback && !recipient.anonymised;
}

export interface StatusChangeForMail {
  /** The status the melding goes to. */
  status: MeldingStatus;
  /** Who makes the change, as stored in status_events.actor ('melder', 'staff:<id>', 'systeem'). */
  actor: string | undefined;
}

/**
 * Whether a status change is news to the melder: the status machine says which statuses reach them
 * (not gemeld, not the internal ingedeeld). The melder's own action is not news to them — they just
 * did it on the status page — except their reopen: that mail confirms the melding went back to the team.
 */
export function statusChangeReachesMelder(change: StatusChangeForMail): boolean {
  if (!notifiesMelder(change.status)) return false;
  return change.actor !== MELDER_ACTOR || change.status === 'heropend';
}

/** The whole decision for one status change: news to the melder, and a melder who can receive mail. */
export function melderGetsStatusMail(change: StatusChangeForMail, recipient: MailRecipient): boolean {
  return statusChangeReachesMelder(change) && canReceiveMail(recipient);
}
