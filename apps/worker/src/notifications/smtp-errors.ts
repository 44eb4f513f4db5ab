export interface SmtpFailure {
  /** 5xx, or a message no server will ever accept: retrying cannot help. */
  permanent: boolean;
  responseCode: number | undefined;
  /** nodemailer's error code (ECONNECTION, ETIMEDOUT, EMESSAGE, EENVELOPE…). */
  code: string | undefined;
  /** The server's answer, as far as there was one. */
  response: string | undefined;
  message: string;
}

/**
 * 4xx and connection trouble are temporary (greylisting, a full queue, a relay restarting): retry.
 * 5xx is the server's final word: mark failed and show it to staff.
 */
export function classifySmtpError(err: unknown): SmtpFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    responseCode?: unknown;
    code?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const permanent =
    responseCode !== undefined ? responseCode >= 500 && responseCode < 600 : code === 'EENVELOPE';
  return {
    permanent,
    responseCode,
    code,
    response: typeof e.response === 'string' ? e.response : undefined,
    message: typeof e.message === 'string' ? e.message : String(err),
  };
}
