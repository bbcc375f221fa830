// The custom formats of schemas/postmortem-metadata.schema.json. The precompiled validator
// (src/core/generated/metadataValidator.js) requires this module, so ajv's generated code and the
// rules share one definition of "a real calendar date" (./times) and "a duration" (./duration).
import { parseDuration } from './duration';
import { isCalendarDate } from './times';

export { isCalendarDate };

/** True when parseDuration reads the text ("1 hour 52 minutes", "1 h 52 min", "45m", "PT1H52M"). */
export function isDuration(text: string): boolean {
  return parseDuration(text) !== undefined;
}

/** Format name -> check, as ajv's `formats` option and the generated validator's `require` expect them. */
export const metadataFormats: Record<string, (text: string) => boolean> = {
  date: isCalendarDate,
  'postmortem-duration': isDuration,
};
