import type { MelderPickupNotice } from '@buurtsignaal/core/contract';
import type { RenderedMail } from '@buurtsignaal/mail';

/**
 * A mail that is due, rendered only when it is really sent (after the recipient and idempotency checks),
 * so that a skipped or already-sent notification never opens the status token.
 */
export type PreparedMail = (facts: SendTimeFacts) => RenderedMail;

/** What is read only once the mail will really be sent. */
export interface SendTimeFacts {
  /** Who picks the melding up and when (the ontvangen mail); undefined when it cannot be said. */
  pickup?: MelderPickupNotice | undefined;
}
