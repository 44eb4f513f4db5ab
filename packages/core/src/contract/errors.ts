import { z } from 'zod';

/**
 * Every machine code the API puts in an error body, in one place. `ApiError` takes only these, so a
 * throw site with a misspelt code fails typecheck, and so does a client comparing against a code the
 * API never sends. A new code is added here first.
 */
export const errorCodes = [
  // Any request
  'BAD_REQUEST',
  'BODY_TOO_LARGE',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'INVALID_JSON',
  'NOT_FOUND',
  'RATE_LIMITED',
  'REQUEST_TIMEOUT',
  'UNSUPPORTED_CONTENT_TYPE',
  'VALIDATION_ERROR',
  // Intake (POST /meldingen) and its photos
  'FIELD_TOO_LARGE',
  'FILE_TOO_LARGE',
  'IDEMPOTENCY_IN_FLIGHT',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_REPLAY_UNAVAILABLE',
  'INTAKE_OUTCOME_UNKNOWN',
  'MALFORMED_MULTIPART',
  'OCCURRED_IN_FUTURE',
  'OUTSIDE_MUNICIPALITY',
  'PHOTO_TOO_MANY_PIXELS',
  'PHOTO_UNREADABLE',
  'TOO_MANY_FIELDS',
  'TOO_MANY_FILES',
  'TOO_MANY_PARTS',
  'UNSUPPORTED_MEDIA_TYPE',
  // The melder's status page
  'FEEDBACK_CLOSED',
  'MELDING_NOT_FOUND',
  'NO_OPEN_QUESTION',
  // Staff: login, session, TOTP, users
  'CSRF_TOKEN_INVALID',
  'EMAIL_TAKEN',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'LOGIN_THROTTLED',
  'NOT_AUTHENTICATED',
  'ORIGIN_NOT_ALLOWED',
  'PASSWORD_TOO_SHORT',
  'SESSION_EXPIRED',
  'TOTP_ALREADY_ENROLLED',
  'TOTP_CODE_USED',
  'TOTP_ENROLMENT_REQUIRED',
  'TOTP_INVALID',
  'TOTP_NOT_STARTED',
  'UNKNOWN_TEAM',
  // Staff: handling meldingen (transition codes come from core's status machine and claim rules)
  'ALREADY_CLAIMED',
  'DUPLICATE_NOT_FOUND',
  'DUPLICATE_ONLY_WHEN_CANCELLED',
  'FORWARDED_TO_REQUIRED',
  'INVALID_TRANSITION',
  'PHOTO_NOT_FOUND',
  'PUBLIC_MESSAGE_REQUIRED',
  'PUSH_NOT_CONFIGURED',
  'REASON_REQUIRED',
  'STANDARD_TEXT_NOT_FOUND',
  'TEAM_REQUIRED',
  // Staff: incident groups (one incident, many reports)
  'ALREADY_GROUPED',
  'GROUP_NOT_ALLOWED',
  'NOT_GROUPED',
  // Staff: hotspots
  'HOTSPOT_RULE_NOT_FOUND',
  'INVALID_CELL',
  // Staff: routing rules and "opnieuw indelen"
  'REROUTE_NOT_ALLOWED',
  'ROUTING_REORDER_INVALID',
  'ROUTING_RULE_CHANGED',
  'ROUTING_RULE_INVALID',
  'ROUTING_RULE_NOT_FOUND',
  // Staff: rosters, calendar feeds and areas
  'AREA_FILE_INVALID',
  'ICS_FILE_REQUIRED',
  'NOT_A_TEAM_MEMBER',
  'ROSTER_OVERRIDE_NOT_FOUND',
  'SHIFT_PATTERN_NOT_FOUND',
  'TEAM_NOT_FOUND',
  // Staff: roster advice and patrol tasks
  'ADVICE_ALREADY_DECIDED',
  'ADVICE_PROPOSAL_NOT_FOUND',
  'PATROL_TASK_NOT_FOUND',
  // Staff: dispatch
  'INVALID_ESCALATION_TARGET',
  // Admin
  'DEV_MAILBOX_LOCAL_ONLY',
  'STUCK_JOB_NOT_FOUND',
  'STUCK_JOB_NOT_STUCK',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/**
 * The code of a 4xx error of the framework or one of its plugins that the error handler has no code of
 * its own for: passed on as it is (they all start with FST_).
 */
export type FrameworkErrorCode = `FST_${string}`;

/** The `code` of an error body as a client may receive it. */
export type ResponseErrorCode = ErrorCode | FrameworkErrorCode;

/** One error body for the whole API (CONVENTIONS.md). `message` is Dutch: a resident may read it. */
export const errorDetailSchema = z.object({ field: z.string(), message: z.string() });
export const errorResponseSchema = z
  .object({
    statusCode: z.number().int(),
    // Any string on the wire (the OpenAPI document says so); typed as the codes the API sends.
    code: z.string() as unknown as z.ZodType<ResponseErrorCode>,
    error: z.string(),
    message: z.string(),
    details: z.array(errorDetailSchema).optional(),
  })
  .meta({ id: 'Error' });

export type ErrorDetail = z.output<typeof errorDetailSchema>;
export type ErrorResponse = z.output<typeof errorResponseSchema>;
