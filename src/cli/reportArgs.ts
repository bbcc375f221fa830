// `postmortem report` arguments -> ReportCommandOptions, or why they are wrong (args.ts dispatches here).
import { REPORT_GROUPINGS, parseIsoDate, type ReportGrouping } from '../core/index';
import { REPORT_FORMATS, utcToday, type ReportCommandOptions, type ReportFormat } from './commands/report';

/** The values parseArgs gave that report reads. */
export interface ReportValues {
  format?: string | undefined;
  config?: string | undefined;
  'no-gitignore'?: boolean | undefined;
  by?: string | undefined;
  since?: string | undefined;
  today?: string | undefined;
  output?: string | undefined;
}

export const REPORT_HELP = `Report:
  "report" reads every post-mortem given (files, folders, globs and !globs as for lint; in a folder
  or glob only what reads as a post-mortem) and prints one row per incident (Incident ID, date,
  severity, status, TTD, TTA, TTM, TTR and Duration in minutes with the timeline reading used, action
  items total / open / overdue) and, per group, the median, p90 (nearest rank), min and max of each
  metric, the contributing factors checked most often and the overdue action items with owners.
      --format <f>     markdown (default), json, csv or html (one self-contained page with charts)
      --by <g>         group by severity, month or quarter (default: one group, "all")
      --since <date>   only incidents on or after YYYY-MM-DD (undated ones are left out)
      --today <date>   the day overdue is counted from (default: today, UTC)
      --output <file>  write the report there instead of stdout (never over an existing file)
      --concurrency <n>, --timeout <s>, --config <file>, --no-gitignore: as for lint
`;

type Parsed = { options: Omit<ReportCommandOptions, 'concurrency' | 'timeoutSeconds'> } | { error: string };

export function reportOptions(values: ReportValues, paths: readonly string[]): Parsed {
  const format = (values.format ?? 'markdown') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) return { error: `unknown format "${values.format}" for report: expected ${REPORT_FORMATS.join(', ')}` };
  if (values.by !== undefined && !(REPORT_GROUPINGS as readonly string[]).includes(values.by))
    return { error: `invalid --by "${values.by}": expected ${REPORT_GROUPINGS.join(', ')}` };
  for (const name of ['since', 'today'] as const) {
    const value = values[name];
    if (value !== undefined && !parseIsoDate(value)) return { error: `invalid --${name} "${value}": expected a date, YYYY-MM-DD` };
  }
  if (values.output !== undefined && values.output.trim() === '') return { error: '--output needs a file name' };
  return {
    options: {
      paths,
      format,
      configPath: values.config,
      gitignore: values['no-gitignore'] !== true,
      by: values.by as ReportGrouping | undefined,
      since: values.since?.trim(),
      today: values.today?.trim() ?? utcToday(),
      output: values.output,
    },
  };
}
