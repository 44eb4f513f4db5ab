import http from 'node:http';
import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** A console's connection to GET /api/v1/staff/events, as a test reads it. */
export interface SseClient {
  /** Status of the response (200 for a stream, 401 without a session). */
  readonly status: number;
  /** Every message so far (events; comment lines are in `comments`). */
  readonly messages: EventSourceMessage[];
  readonly comments: string[];
  /** Resolves once `n` messages are in; rejects after `timeoutMs`. */
  waitFor(n: number, timeoutMs?: number): Promise<EventSourceMessage[]>;
  /** Resolves once a comment matching `pattern` is in. */
  waitForComment(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** The data of each message, parsed as JSON. */
  events(): Array<Record<string, unknown>>;
  close(): void;
  /** Resolves when the server has ended the stream. */
  readonly ended: Promise<void>;
}

/** Opens the stream with the session cookie (and Last-Event-ID, when given), like a browser tab. */
export async function openSse(
  baseUrl: string,
  opts: { cookie?: string | undefined; lastEventId?: number | undefined } = {},
): Promise<SseClient> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (opts.cookie) headers.cookie = `bs_session=${opts.cookie}`;
  if (opts.lastEventId !== undefined) headers['last-event-id'] = String(opts.lastEventId);
  // node:http with a connection of its own (no pool): closing it closes exactly that socket.
  const req = http.get(`${baseUrl}/api/v1/staff/events`, { headers, agent: false });
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  const messages: EventSourceMessage[] = [];
  const comments: string[] = [];
  let wake: () => void = () => {};
  const parser = createParser({
    onEvent: (m) => {
      messages.push(m);
      wake();
    },
    onComment: (c) => {
      comments.push(c);
      wake();
    },
  });
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => parser.feed(chunk));
  const ended = new Promise<void>((resolve) => {
    res.once('close', resolve);
    res.once('end', resolve);
  });
  const until = async <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  };
  return {
    status: res.statusCode ?? 0,
    messages,
    comments,
    waitFor: (n, timeoutMs = 5_000) =>
      until(() => (messages.length >= n ? messages.slice() : undefined), timeoutMs, `${n} SSE messages`),
    waitForComment: (pattern, timeoutMs = 5_000) =>
      until(() => comments.find((c) => pattern.test(c)), timeoutMs, `an SSE comment ${pattern}`),
    events: () => messages.map((m) => JSON.parse(m.data) as Record<string, unknown>),
    close: () => req.destroy(),
    ended,
  };
}
