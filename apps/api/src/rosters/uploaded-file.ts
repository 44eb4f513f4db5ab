// The type import brings @fastify/multipart's request.parts() declaration into scope.
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ApiError, type ErrorCode } from '../errors.ts';

/**
 * The bytes of the one file of a multipart upload (an .ics roster, a CBS GeoJSON), under any field
 * name; other fields are ignored. A request without a file is a 400 naming `file`.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  missing: { code: ErrorCode; message: string },
): Promise<Buffer> {
  const none = () =>
    new ApiError(400, missing.code, missing.message, [{ field: 'file', message: missing.message }]);
  if (!request.isMultipart()) throw none();
  let file: Buffer | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      if (file === undefined && bytes.length > 0) file = bytes;
    }
  } catch (err) {
    if (err instanceof Error && !('code' in err)) throw none();
    throw err;
  }
  if (!file) throw none();
  return file;
}

/** The file as UTF-8 text (a BOM dropped); undefined when it is not valid UTF-8. */
export function utf8Text(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}
