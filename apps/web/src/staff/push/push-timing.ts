/**
 * How long subscribing to push may take. A browser that cannot reach its push service (Chromium
 * without Google's, a network that blocks it) neither answers nor fails: it waits for ever.
 */
export const SUBSCRIBE_TIMEOUT_MS = 15_000;
