// The type import brings @fastify/multipart's request.parts() declaration into scope.
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.ts';
import { errorTexts, intakeTexts } from '../texts/index.ts';
import { MAX_PHOTOS } from './photos.ts';

/** The form field that carries the melding as JSON (the same object as the JSON body). */
export const MELDING_FIELD = 'melding';
/** Same bound as the multipart `fieldSize` limit, for a melding sent as a file part. */
export const MAX_MELDING_FIELD_BYTES = 64 * 1024;

export interface MultipartIntake {
  /** The parsed JSON of the `melding` field, still to be validated by the intake schema. */
  melding: unknown;
  photos: Buffer[];
}

function parseMeldingField(value: unknown, truncated: boolean): unknown {
  if (truncated) throw new ApiError(413, 'FIELD_TOO_LARGE', intakeTexts.meldingFieldTooLarge);
  // @fastify/multipart already parsed a field sent with Content-Type application/json.
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new ApiError(400, 'INVALID_JSON', errorTexts.invalidJson, [
      { field: MELDING_FIELD, message: errorTexts.invalidJson },
    ]);
  }
}

// What busboy (under @fastify/multipart) throws for a body that is not a well-formed form. They are
// plain Errors without a code, so they are recognised by message; anything else stays an error of ours.
const boundaryErrors = [
  /^Multipart: Boundary not found$/,
  /^Boundary required$/,
  /^The needle cannot be an empty String\/Buffer\.$/,
  /^The needle cannot have a length bigger than \d+\.$/,
];
const bodyErrors = [
  /^Unexpected end of multipart data$/,
  /terminated early due to unexpected end of multipart data$/,
];

const matches = (patterns: readonly RegExp[], err: unknown) =>
  err instanceof Error && !('code' in err) && patterns.some((p) => p.test(err.message));

/** A parser error of a malformed form as a 400 naming what is wrong with it; other errors unchanged. */
function asMalformedForm(err: unknown): unknown {
  const field = matches(boundaryErrors, err) ? 'content-type' : matches(bodyErrors, err) ? 'body' : undefined;
  if (field === undefined) return err;
  const message =
    field === 'content-type' ? intakeTexts.multipartBoundaryMissing : intakeTexts.multipartIncomplete;
  return new ApiError(400, 'MALFORMED_MULTIPART', message, [{ field, message }]);
}

/**
 * Reads a multipart intake: the `melding` field and up to MAX_PHOTOS files under any field name, each
 * buffered (at most 10 MiB by the multipart limits; over a limit the iterator throws a 413 error).
 */
export async function readMultipartIntake(request: FastifyRequest): Promise<MultipartIntake> {
  try {
    return await readParts(request);
  } catch (err) {
    throw asMalformedForm(err);
  }
}

async function readParts(request: FastifyRequest): Promise<MultipartIntake> {
  let melding: unknown;
  let seenMelding = false;
  const photos: Buffer[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file' && part.fieldname === MELDING_FIELD) {
      // Some clients append the JSON as a Blob, which arrives as a file part.
      const bytes = await part.toBuffer();
      melding = parseMeldingField(bytes.toString('utf8'), bytes.length > MAX_MELDING_FIELD_BYTES);
      seenMelding = true;
    } else if (part.type === 'file') {
      if (photos.length === MAX_PHOTOS) {
        throw new ApiError(413, 'TOO_MANY_FILES', intakeTexts.tooManyFiles(MAX_PHOTOS), [
          { field: 'photos', message: intakeTexts.tooManyFiles(MAX_PHOTOS) },
        ]);
      }
      const bytes = await part.toBuffer();
      // Browsers send an empty file for an untouched <input type="file">.
      if (bytes.length === 0 && !part.filename) continue;
      photos.push(bytes);
    } else if (part.fieldname === MELDING_FIELD) {
      melding = parseMeldingField(part.value, part.valueTruncated);
      seenMelding = true;
    }
    // Other fields are ignored: the melding field is the whole contract.
  }
  if (!seenMelding) {
    throw new ApiError(400, 'VALIDATION_ERROR', errorTexts.validation, [
      { field: MELDING_FIELD, message: intakeTexts.meldingFieldMissing },
    ]);
  }
  return { melding, photos };
}
