/**
 * Outbox topics: what a committed change announces, and the payload stored with it (ids only).
 * The worker's relay turns each row into one or more BullMQ jobs.
 */
export interface OutboxPayloads {
  /** A new melding was stored (status gemeld): route it and confirm receipt to the melder. */
  'melding.gemeld': { meldingId: string; statusEventId: number };
  /**
   * A status event was appended (by staff, or by the melder's answer or feedback). Written in the same
   * transaction as the event, for every change; the notification worker decides from the status machine
   * (notifiesMelder) whether the melder hears of it.
   */
  'melding.status_changed': { meldingId: string; statusEventId: number };
  /**
   * The melder said "niet opgelost" and the melding went to heropend (status event `statusEventId`):
   * route it to its team again and tell the melder it was reopened.
   */
  'melding.heropend': { meldingId: string; statusEventId: number };
}

export type OutboxTopic = keyof OutboxPayloads;
