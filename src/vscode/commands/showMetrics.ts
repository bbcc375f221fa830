// "Show Timeline Metrics" (also the Timeline CodeLens): the six metrics with the rows they come from;
// picking one selects those rows; each says its reading. Metrics the timeline cannot give are listed with why.
import * as vscode from 'vscode';
import { formatDuration, METRIC_LABELS, METRIC_NAMES, readingText, type DerivedMetric, type MetricName, type NotDerivedMetric } from '../../core/index';
import { postmortemEditor } from '../activePostmortem';
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
  const active = postmortemEditor('Show Timeline Metrics', deps.documents, target);
  if (!active) return undefined;
  const { editor, document: doc } = active;
  const { metrics, notDerived = [] } = (await deps.live.resultFor(doc)).metrics;
  if (active.changed) return undefined;
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
      const known = (METRIC_NAMES as readonly string[]).includes(args.metric);
      const why = known ? `: ${reasonOf(args.metric, notDerived)}` : `: expected one of ${METRIC_NAMES.join(', ')}`;
      void vscode.window.showErrorMessage(`Show Timeline Metrics: "${args.metric}" is not given by the timeline${why}.`);
      return undefined;
    }
  } else {
    const items = metricItems(metrics, notDerived);
    chosen = (await vscode.window.showQuickPick(items, { title: TITLE, placeHolder: 'Pick a metric to select the timeline rows it comes from', matchOnDetail: true }))?.metric;
  }
  if (!chosen) return undefined;
  if (!active.unchanged()) return undefined;
  const first = Math.min(chosen.from.line, chosen.to.line) - 1;
  const last = Math.max(chosen.from.line, chosen.to.line) - 1;
  const rows = new vscode.Range(first, 0, last, doc.lineAt(last).text.length);
  editor.selection = new vscode.Selection(rows.start, rows.end);
  editor.revealRange(rows, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return chosen;
}

function metricItems(metrics: readonly DerivedMetric[], notDerived: readonly NotDerivedMetric[]): MetricItem[] {
  const byName = new Map(metrics.map((m) => [m.name, m]));
  const items: MetricItem[] = METRIC_NAMES.flatMap((name) => {
    const m = byName.get(name);
    if (!m) return [];
    const others = m.alternatives.map((a) => `${readingText(a.reading)} ${formatDuration(a.minutes)}`);
    return [
      {
        label: `${m.label}: ${formatDuration(m.minutes)}`,
        description: `${readingText(m.reading)}${m.pinned ? ' (pinned)' : ''} · lines ${m.from.line}-${m.to.line}${others.length ? ` · also ${others.join(', ')}` : ''}`,
        detail: `${m.from.time} ${m.from.event} -> ${m.to.time} ${m.to.event}`,
        metric: m,
      },
    ];
  });
  const missing = METRIC_NAMES.filter((name) => !byName.has(name));
  if (missing.length > 0) {
    items.push({ label: 'Not given by the timeline', kind: vscode.QuickPickItemKind.Separator });
    for (const name of missing) items.push({ label: METRIC_LABELS[name], detail: `${reasonOf(name, notDerived)}.` });
  }
  return items;
}

/** "start->detected needs an impact-start row (a keyword, or tag the row {start})" */
function reasonOf(name: MetricName, notDerived: readonly NotDerivedMetric[]): string {
  const missing = notDerived.find((x) => x.name === name);
  return missing ? `${readingText(missing.reading)} ${missing.reason}` : 'the timeline does not give it';
}
