/**
 * Outbox topics: what a committed change announces, and the payload stored with it (ids only).
 * The worker's relay turns each row into one or more BullMQ jobs.
 */
export interface OutboxPayloads {
  /** A new melding was stored (status gemeld): route it and confirm receipt to the melder. */
  'melding.gemeld': { meldingId: string; statusEventId: number };
}

export type OutboxTopic = keyof OutboxPayloads;
