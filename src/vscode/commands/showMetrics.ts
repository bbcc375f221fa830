// "Show Timeline Metrics" (also the Timeline CodeLens): the six metrics with the rows they come from;
// picking one selects those rows. Metrics the timeline cannot give are listed with what they need.
import * as vscode from 'vscode';
import { formatDuration } from '../../core/duration';
import { METRIC_SPANS, type DerivedMetric, type MetricName } from '../../core/metrics';
import type { LiveDiagnostics } from '../diagnostics';
import type { PostmortemDocuments } from '../documents';

export interface ShowMetricsArgs {
  /** Select this metric's rows without asking (keybindings, tests). */
  metric?: MetricName;
}

interface MetricItem extends vscode.QuickPickItem {
  metric?: DerivedMetric;
}

const TITLE = 'Timeline Metrics';

/** Returns the metric whose rows were selected, or undefined. */
export async function showMetrics(
  deps: { documents: PostmortemDocuments; live: LiveDiagnostics },
  target?: vscode.Uri,
  args?: ShowMetricsArgs,
): Promise<DerivedMetric | undefined> {
  const editor = target ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString()) : vscode.window.activeTextEditor;
  if (!editor || !deps.documents.isPostmortem(editor.document)) {
    void vscode.window.showInformationMessage('Show Timeline Metrics: open a post-mortem first.');
    return undefined;
  }
  const doc = editor.document;
  const version = doc.version;
  const { metrics } = (await deps.live.resultFor(doc)).metrics;
  if (doc.version !== version) return undefined;
  if (metrics.length === 0) {
    void vscode.window.showInformationMessage(
      'Show Timeline Metrics: the timeline gives no metric: it needs an impact start row and a detection, mitigation, restoration or closure row (tag rows with {start}, {detected}, {mitigated}, {restored}, {closed} when the wording differs).',
    );
    return undefined;
  }

  let chosen: DerivedMetric | undefined;
  if (args?.metric !== undefined) {
    chosen = metrics.find((m) => m.name === args.metric);
    if (!chosen) {
      const span = METRIC_SPANS[args.metric];
      const needs = span ? `: it needs ${needsText(args.metric)}` : `: expected one of ${Object.keys(METRIC_SPANS).join(', ')}`;
      void vscode.window.showErrorMessage(`Show Timeline Metrics: "${args.metric}" is not given by the timeline${needs}.`);
      return undefined;
    }
  } else {
    chosen = (await vscode.window.showQuickPick(metricItems(metrics), { title: TITLE, placeHolder: 'Pick a metric to select the timeline rows it comes from', matchOnDetail: true }))?.metric;
  }
  if (!chosen) return undefined;
  if (doc.version !== version) {
    void vscode.window.showWarningMessage('Show Timeline Metrics: the document changed meanwhile; run the command again.');
    return undefined;
  }
  const first = Math.min(chosen.from.line, chosen.to.line) - 1;
  const last = Math.max(chosen.from.line, chosen.to.line) - 1;
  const rows = new vscode.Range(first, 0, last, doc.lineAt(last).text.length);
  editor.selection = new vscode.Selection(rows.start, rows.end);
  editor.revealRange(rows, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return chosen;
}

function metricItems(metrics: readonly DerivedMetric[]): MetricItem[] {
  const byName = new Map(metrics.map((m) => [m.name, m]));
  const names = Object.keys(METRIC_SPANS) as MetricName[];
  const items: MetricItem[] = names.flatMap((name) => {
    const m = byName.get(name);
    if (!m) return [];
    return [
      {
        label: `${m.label}: ${formatDuration(m.minutes)}`,
        description: `lines ${m.from.line}-${m.to.line}`,
        detail: `${m.from.time} ${m.from.event} -> ${m.to.time} ${m.to.event}`,
        metric: m,
      },
    ];
  });
  const missing = names.filter((name) => !byName.has(name));
  if (missing.length > 0) {
    items.push({ label: 'Not given by the timeline', kind: vscode.QuickPickItemKind.Separator });
    for (const name of missing) items.push({ label: METRIC_SPANS[name].label, detail: `Needs ${needsText(name)}.` });
  }
  return items;
}

/** "a {start} row and a {closed} or {restored} row": the tags that mark the milestones a metric spans. */
function needsText(name: MetricName): string {
  const span = METRIC_SPANS[name];
  return `a {${span.from}} row and a ${span.to.map((m) => `{${m}}`).join(' or ')} row`;
}
