// Findings -> SARIF 2.1.0 (GitHub code scanning, Azure DevOps, any SARIF viewer): one run, every rule
// described in tool.driver.rules, file locations relative to %SRCROOT% (the working folder).
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { fixKindsNote, rules, type Finding, type Fix, type Severity } from '../core/index';
import { fingerprints } from './formats';
import { INFORMATION_URI, ruleHelpUri, TOOL_NAME, TOOL_VERSION } from './packageInfo';

const SRCROOT = '%SRCROOT%';

/** The partialFingerprints key of a finding's fingerprint (file, rule, message, occurrence: no line number). */
export const FINGERPRINT_KEY = 'postmortemFinding/v1';

/** Finding ids that come from the linter itself rather than from a rule. */
export const NON_RULE_FINDINGS: { id: string; description: string; severity: Severity }[] = [
  { id: 'config', description: 'The configuration is invalid; the document was linted with the defaults.', severity: 'error' },
  {
    id: 'document-size',
    description: 'The document is over the size limit and was not linted.',
    severity: 'warning',
  },
  { id: 'internal-error', description: 'A rule failed on this document; its findings are missing.', severity: 'error' },
  { id: 'lint-timeout', description: 'The document was not linted within the time limit; its findings are missing.', severity: 'error' },
];

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifRunInfo {
  /** The working folder: %SRCROOT%. */
  cwd: string;
  /** Problems that stopped part of the run (config errors, unreadable files): exit code 2. */
  errors: string[];
  /** Files skipped and why. */
  notes: string[];
}

function artifactUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function region(r: { line: number; column: number; endLine: number; endColumn: number }): Sarif.Region {
  // Both sides count columns in UTF-16 code units, 1-based, end exclusive: the numbers carry over as they are.
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

function sarifFix(fix: Fix, location: Sarif.ArtifactLocation): Sarif.Fix {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: fix.edits.map((e) => ({
          deletedRegion: {
            startLine: e.range.start.line,
            startColumn: e.range.start.column,
            endLine: e.range.end.line,
            endColumn: e.range.end.column,
          },
          insertedContent: { text: e.text },
        })),
      },
    ],
  };
}

export function toSarif(findings: readonly Finding[], info: SarifRunInfo): Sarif.Log {
  const descriptors: Sarif.ReportingDescriptor[] = [
    ...rules.map((r) => ({
      id: r.id,
      shortDescription: { text: r.description },
      fullDescription: { text: [r.description, fixKindsNote(r)].filter(Boolean).join(' ') },
      helpUri: ruleHelpUri(r.id),
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    })),
    ...NON_RULE_FINDINGS.map((r) => ({
      id: r.id,
      shortDescription: { text: r.description },
      fullDescription: { text: r.description },
      helpUri: ruleHelpUri(r.id),
      defaultConfiguration: { level: LEVEL[r.severity] },
    })),
  ];
  const ruleIndex = new Map(descriptors.map((d, i) => [d.id, i]));

  const prints = fingerprints(findings);
  const results: Sarif.Result[] = findings.map((f, i) => {
    const artifactLocation: Sarif.ArtifactLocation = { uri: artifactUri(f.file), uriBaseId: SRCROOT };
    const result: Sarif.Result = {
      ruleId: f.ruleId,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation, region: region(f) } }],
      // Code scanning matches results across commits by these: the same finding keeps its alert when lines move.
      partialFingerprints: { [FINGERPRINT_KEY]: prints[i] as string },
    };
    const index = ruleIndex.get(f.ruleId);
    if (index !== undefined) result.ruleIndex = index;
    if (f.related?.length) {
      result.relatedLocations = f.related.map((r, id) => ({
        id,
        message: { text: r.message },
        physicalLocation: { artifactLocation, region: region(r) },
      }));
    }
    if (f.fix) result.fixes = [sarifFix(f.fix, artifactLocation)];
    return result;
  });

  const notifications: Sarif.Notification[] = [
    ...info.errors.map((text) => ({ level: 'error' as const, message: { text } })),
    ...info.notes.map((text) => ({ level: 'note' as const, message: { text } })),
  ];
  const invocation: Sarif.Invocation = { executionSuccessful: info.errors.length === 0 };
  if (notifications.length) invocation.toolExecutionNotifications = notifications;

  const srcroot = pathToFileURL(info.cwd).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: INFORMATION_URI, rules: descriptors } },
        invocations: [invocation],
        originalUriBaseIds: { [SRCROOT]: { uri: srcroot.endsWith('/') ? srcroot : `${srcroot}/` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
