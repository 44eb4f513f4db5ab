import type { DraftPhoto } from './draft.ts';

const MAX_SIDE = 2048;
const QUALITY = 0.85;

export class PhotoDecodeError extends Error {
  override name = 'PhotoDecodeError';
}

const newId = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;

/**
 * Decodes a picked file and re-encodes it as a JPEG of at most 2048 px on the longest side. Drawing
 * on a canvas drops every bit of metadata (EXIF, GPS), and turns whatever the browser can decode
 * (including HEIC on Safari) into a JPEG that the API accepts.
 */
export async function resizePhoto(file: Blob): Promise<DraftPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoDecodeError('cannot decode');
  }
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new PhotoDecodeError('no 2d context');
    // JPEG has no transparency: a white background instead of black for transparent PNGs.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    if (!blob || blob.size === 0) throw new PhotoDecodeError('cannot encode');
    return { id: newId(), blob, width, height };
  } finally {
    bitmap.close();
  }
}
