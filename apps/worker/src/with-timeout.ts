export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * Rejects when `promise` takes longer than `ms`. The work itself is not cancelled: callers must be safe
 * if it completes later (our Redis adds are, thanks to deterministic job ids).
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TimeoutError(`${what} took longer than ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
