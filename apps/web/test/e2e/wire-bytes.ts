import type { Page } from 'playwright-core';

/** One response as it crossed the wire, seen through the DevTools protocol's Network domain. */
export interface WireResponse {
  url: string;
  /** The DevTools resource type: Document, Script, Stylesheet, Image, Fetch, Font, Other, … */
  type: string;
  status: number;
  headers: Record<string, string>;
  /** Bytes received for this response, headers and (compressed) body: what a phone downloads. */
  transferred: number;
}

export interface WireLog {
  responses: WireResponse[];
  /** Transferred bytes per resource type. */
  byType(): Record<string, number>;
  stop(): Promise<void>;
}

const lowerCaseKeys = (headers: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));

/**
 * Records every response of the page from now on with the bytes that actually crossed the wire
 * (`encodedDataLength` at `loadingFinished`), not the decoded body: a server that forgets compression
 * shows up here as the full size.
 */
export async function recordWire(page: Page): Promise<WireLog> {
  const cdp = await page.context().newCDPSession(page);
  const pending = new Map<string, Omit<WireResponse, 'transferred'>>();
  const responses: WireResponse[] = [];
  cdp.on('Network.responseReceived', (event) => {
    pending.set(event.requestId, {
      url: event.response.url,
      type: event.type ?? 'Other',
      status: event.response.status,
      headers: lowerCaseKeys(event.response.headers),
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const response = pending.get(event.requestId);
    if (!response) return;
    pending.delete(event.requestId);
    responses.push({ ...response, transferred: event.encodedDataLength });
  });
  // No cache: every byte step 1 needs is counted, as on a first visit.
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return {
    responses,
    byType() {
      const sums: Record<string, number> = {};
      for (const r of responses) sums[r.type] = (sums[r.type] ?? 0) + r.transferred;
      return sums;
    },
    async stop() {
      await cdp.detach();
    },
  };
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
