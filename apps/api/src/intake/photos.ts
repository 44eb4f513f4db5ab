import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { ApiError, type ErrorCode } from '../errors.ts';
import { intakeTexts } from '../texts/index.ts';

export const MAX_PHOTOS = 3;
/** Per photo, before re-encoding (phones make 3–8 MB JPEGs). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Longest side after re-encoding: enough to read a licence plate, small enough to send around. */
const MAX_SIDE = 2048;
const JPEG_QUALITY = 82;

const acceptedFormats = new Set(['jpeg', 'png', 'webp']);
// ISO-BMFF brands of HEIF/HEIC/AVIF files (iPhones by default): the prebuilt libvips cannot decode HEVC.
const heifBrands = new Set([
  'heic',
  'heix',
  'hevc',
  'hevx',
  'heim',
  'heis',
  'hevm',
  'hevs',
  'mif1',
  'msf1',
  'avif',
  'avis',
]);

export interface ProcessedPhoto {
  bytes: Buffer;
  mime: 'image/jpeg';
  size: number;
  width: number;
  height: number;
  /** Of the re-encoded bytes, i.e. of what is stored. */
  sha256: string;
}

export const sha256Hex = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

const photoError = (status: number, code: ErrorCode, message: string, index: number) =>
  new ApiError(status, code, message, [{ field: `photos[${index}]`, message }]);

function looksLikeHeif(bytes: Buffer): boolean {
  return (
    bytes.length >= 12 &&
    bytes.toString('latin1', 4, 8) === 'ftyp' &&
    heifBrands.has(bytes.toString('latin1', 8, 12))
  );
}

/**
 * Recognises a photo by its content, never by its name or declared type, and refuses what we will not
 * decode: other formats (415) and images over the pixel bound (413, decided from the header alone).
 */
export async function inspectPhoto(bytes: Buffer, index: number, maxPixels: number): Promise<void> {
  if (looksLikeHeif(bytes)) throw photoError(415, 'UNSUPPORTED_MEDIA_TYPE', intakeTexts.photoHeic, index);
  let format: string;
  let pixels: number;
  try {
    // Reads the header only; the pixel bound is checked below before anything is decoded.
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    format = metadata.format;
    pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  } catch {
    throw photoError(415, 'UNSUPPORTED_MEDIA_TYPE', intakeTexts.photoUnsupported, index);
  }
  if (format === 'heif') throw photoError(415, 'UNSUPPORTED_MEDIA_TYPE', intakeTexts.photoHeic, index);
  if (!acceptedFormats.has(format)) {
    throw photoError(415, 'UNSUPPORTED_MEDIA_TYPE', intakeTexts.photoUnsupported, index);
  }
  if (pixels <= 0 || pixels > maxPixels) {
    throw photoError(413, 'PHOTO_TOO_MANY_PIXELS', intakeTexts.photoTooManyPixels(maxPixels), index);
  }
}

/**
 * Upright, at most 2048 px, JPEG. sharp writes no EXIF/GPS/XMP/ICC metadata unless asked to, so the
 * melder's location and camera data never reach the store.
 */
export async function reencodePhoto(
  bytes: Buffer,
  index: number,
  maxPixels: number,
): Promise<ProcessedPhoto> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels })
      .autoOrient()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return {
      bytes: data,
      mime: 'image/jpeg',
      size: data.length,
      width: info.width,
      height: info.height,
      sha256: sha256Hex(data),
    };
  } catch {
    throw photoError(422, 'PHOTO_UNREADABLE', intakeTexts.photoUnreadable, index);
  }
}
