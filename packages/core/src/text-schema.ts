import { z } from 'zod';
import { textMessages } from './texts-nl.ts';

// C0 control characters (and DEL) never come from a keyboard, can hide text from a reader, and
// PostgreSQL refuses NUL in text and jsonb (a 500 if it got that far). Free text keeps tab, line feed
// and carriage return; single-line fields (names, addresses, e-mail) refuse those as well.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const controlInFreeText = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const controlInLine = /^[^\u0000-\u001F\u007F]*$/;

export interface TextOptions {
  /** Free text: allows tab, line feed and carriage return. */
  multiline?: boolean;
  /** Trims whitespace before the check (and before any length check chained after it). */
  trim?: boolean;
  /** The message for a value that is not a string at all. */
  error?: string;
}

/**
 * Every string the API accepts starts here: a zod string that refuses control characters with a Dutch
 * message. Chain length and format checks after it as with `z.string()`.
 */
export function text(options: TextOptions = {}): z.ZodString {
  const base = options.error === undefined ? z.string() : z.string({ error: options.error });
  const trimmed = options.trim ? base.trim() : base;
  return options.multiline
    ? trimmed.regex(controlInFreeText, { error: textMessages.controlCharacters })
    : trimmed.regex(controlInLine, { error: textMessages.controlCharactersInLine });
}
