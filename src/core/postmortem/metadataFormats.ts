// The custom formats of schemas/postmortem-metadata.schema.json. The precompiled validator
// (src/core/generated/metadataValidator.js) requires this module, so ajv's generated code and the
// rules share one definition of "a real calendar date" and "a duration".
import { parseDuration } from './duration';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a YYYY-MM-DD date that exists in the (proleptic Gregorian) calendar: 2024-02-29 yes, 2026-02-30 no. */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

/** True when parseDuration reads the text ("1 hour 52 minutes", "1 h 52 min", "45m", "PT1H52M"). */
export function isDuration(text: string): boolean {
  return parseDuration(text) !== undefined;
}

/** Format name -> check, as ajv's `formats` option and the generated validator's `require` expect them. */
export const metadataFormats: Record<string, (text: string) => boolean> = {
  date: isCalendarDate,
  'postmortem-duration': isDuration,
};
