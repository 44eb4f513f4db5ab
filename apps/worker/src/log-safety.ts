import type { Logger } from 'pino';

const emailLike = /[^\s<>"'@]+@[^\s<>"'@]+\.[^\s<>"'@]+/g;

/**
 * Error texts from SMTP servers and databases can quote an address ("550 <jan@example.nl>: unknown
 * user"); logs and BullMQ's failedReason must not carry personal data.
 */
export function redactPersonalData(text: string): string {
  return text.replace(emailLike, '[e-mailadres]');
}

export function errorText(err: unknown): string {
  return redactPersonalData(err instanceof Error ? err.message : String(err));
}

/** A warning at most once per interval: a Redis outage raises an error per reconnect attempt. */
export function throttledWarn(
  logger: Logger,
  intervalMs = 10_000,
): (context: object, message: string) => void {
  let last = 0;
  let suppressed = 0;
  return (context, message) => {
    const now = Date.now();
    if (now - last < intervalMs) {
      suppressed++;
      return;
    }
    last = now;
    logger.warn({ ...context, suppressed }, message);
    suppressed = 0;
  };
}
