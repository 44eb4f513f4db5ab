import type { RenderedMail } from '@buurtsignaal/mail';

/**
 * A mail that is due, rendered only when it is really sent (after the recipient and idempotency checks),
 * so that a skipped or already-sent notification never opens the status token.
 */
export type PreparedMail = () => RenderedMail;
