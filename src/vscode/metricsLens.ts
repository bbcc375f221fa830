// A CodeLens on the Timeline heading with the metrics the timeline gives ("TTD 11 min · TTM 40 min ·
// TTR 52 min"), from the lint result already published (no parse of its own). A click shows all six
// metrics, the reading each uses and the rows they come from (Show Timeline Metrics).
import * as vscode from 'vscode';
import { formatDuration, readingText, type DerivedMetric } from '../core/index';
import type { LiveDiagnostics } from './diagnostics';
import type { PostmortemDocuments } from './documents';

// formatDuration writes in the style of a sample: the short words fit on one lens line.
const COMPACT_SAMPLE = '1 h 1 min';

/** "Time to Detection (TTD)" -> "TTD"; undefined for a label without an abbreviation ("Duration"). */
export function metricAbbreviation(label: string): string | undefined {
  return /\(([A-Z]{2,})\)$/.exec(label)?.[1];
}

/** "TTD 11 min · TTA 6 min · TTM 40 min · TTR 52 min": the TTx metrics, else whatever the timeline gives. */
export function metricsLensTitle(metrics: readonly DerivedMetric[]): string | undefined {
  const abbreviated = metrics.filter((m) => metricAbbreviation(m.label) !== undefined);
  const shown = abbreviated.length > 0 ? abbreviated : metrics;
  if (shown.length === 0) return undefined;
  return shown.map((m) => `${metricAbbreviation(m.label) ?? m.label} ${formatDuration(m.minutes, COMPACT_SAMPLE)}`).join(' · ');
}

/** "Time to Acknowledgment (TTA): 5 minutes (detected->acknowledged: 14:06 -> 14:11)", pinned readings said so. */
export function metricTooltipLine(m: DerivedMetric): string {
  return `${m.label}: ${formatDuration(m.minutes)} (${readingText(m.reading)}${m.pinned ? ', pinned' : ''}: ${m.from.time} -> ${m.to.time})`;
}

export class TimelineMetricsLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The Timeline heading's text when the result was current, to find it again while a lint is pending. */
  private readonly headings = new Map<string, { version: number; text: string }>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly documents: PostmortemDocuments,
    private readonly live: LiveDiagnostics,
  ) {
    this.disposables.push(
      live.onDidLint((e) => {
        // "ignored" fires on every change of plain Markdown: it matters only where a lens was shown.
        if (e.outcome === 'linted' || (e.outcome === 'ignored' && this.headings.delete(e.uri.toString()))) this.changed.fire();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.headings.delete(doc.uri.toString())),
    );
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.documents.isPostmortem(doc)) return [];
    const latest = this.live.latestResult(doc.uri);
    const { timelineLine, metrics } = latest?.result.metrics ?? { timelineLine: undefined, metrics: [] };
    const title = metricsLensTitle(metrics);
    if (!latest || timelineLine === undefined || title === undefined) return [];
    const line = this.headingLine(doc, latest.version, timelineLine - 1);
    if (line === undefined) return [];
    const range = doc.lineAt(line).range;
    const tooltip = metrics.map(metricTooltipLine).join('\n');
    return [new vscode.CodeLens(range, { title, tooltip, command: 'postmortem.showMetrics', arguments: [doc.uri] })];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /**
   * The heading's line in the current version. While typing, the published result describes an older
   * version: the heading is then looked up by its text, nearest to where it was, so the lens stays on it.
   */
  private headingLine(doc: vscode.TextDocument, version: number, line: number): number | undefined {
    const key = doc.uri.toString();
    if (version === doc.version) {
      if (line >= doc.lineCount) return undefined;
      this.headings.set(key, { version, text: doc.lineAt(line).text });
      return line;
    }
    const heading = this.headings.get(key);
    if (heading?.version !== version) return undefined;
    for (let distance = 0; distance < doc.lineCount; distance++) {
      for (const candidate of [line - distance, line + distance]) {
        if (candidate >= 0 && candidate < doc.lineCount && doc.lineAt(candidate).text === heading.text) return candidate;
      }
      if (line - distance < 0 && line + distance >= doc.lineCount) break;
    }
    return undefined;
  }
}
