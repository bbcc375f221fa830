// "Add Timeline Entry": asks when it happened (prefilled with the incident's Date and the current UTC
// time, in any of the timeline's time styles), writes a row with that time the way the table already
// writes times, at its chronological place; the cursor lands in its event cell.
import * as vscode from 'vscode';
import { parseIsoDate, templateFor } from '../../core/index';
import { postmortemEditor } from '../activePostmortem';
import type { ConfigFiles } from '../configFiles';
import type { Linter } from '../linter';

export interface AddTimelineEntryArgs {
  /** The entry's time (any style the input accepts; skips the input), for keybindings and tests. */
  time?: string;
  /** Deprecated spelling of `time`: an ISO 8601 date-time. */
  now?: string;
}

const STYLES = 'HH:MM, HH:MM:SS, YYYY-MM-DD HH:MM[:SS] or ISO 8601 (2026-03-14T09:05Z, +02:00), in UTC unless an offset says otherwise';

/** Returns the time written in the new row, or undefined when nothing was inserted. */
export async function addTimelineEntry(deps: { configs: ConfigFiles; linter: Linter }, args?: AddTimelineEntryArgs): Promise<string | undefined> {
  const active = postmortemEditor('Add Timeline Entry', 'markdown');
  if (!active) return undefined;
  const { editor, document: doc } = active;
  const { templateText } = await deps.configs.forDocument(doc.uri);
  const incidentDate = summaryDate(doc.getText(), templateText);
  const given = args?.time ?? args?.now;
  let when: Date | undefined;
  if (given !== undefined) {
    when = entryTime(given, incidentDate);
    if (!when) {
      void vscode.window.showErrorMessage(`Add Timeline Entry: "${given}" is not a time: expected ${STYLES}.`);
      return undefined;
    }
  } else {
    const answer = await vscode.window.showInputBox({
      title: 'Add Timeline Entry',
      prompt: `When did it happen? ${STYLES}.`,
      value: `${incidentDate ?? isoDay(new Date())} ${hhmm(new Date())}`,
      ignoreFocusOut: true,
      validateInput: (v) => (entryTime(v, incidentDate) ? undefined : `Expected ${STYLES}, e.g. 2026-03-14 09:05.`),
    });
    if (answer === undefined) return undefined;
    when = entryTime(answer, incidentDate);
    if (!when) return undefined;
  }
  // Parsing a large document takes seconds: done in the worker, like the lint.
  const { result: entry } = await deps.linter.timelineEntry(doc.getText(), when.getTime(), templateText);
  if (!entry) {
    void vscode.window.showInformationMessage(
      'Add Timeline Entry: this post-mortem has no timeline table: expected a "| Time | Event |" table in its Timeline section (Insert Section... adds the section).',
    );
    return undefined;
  }
  if (!active.unchanged()) return undefined;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, doc.positionAt(entry.offset), entry.text);
  if (!(await vscode.workspace.applyEdit(edit))) return undefined;
  const cursor = doc.positionAt(entry.eventOffset);
  await vscode.window.showTextDocument(doc, { viewColumn: editor.viewColumn ?? vscode.ViewColumn.Active, selection: new vscode.Range(cursor, cursor) });
  editor.revealRange(new vscode.Range(cursor, cursor), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return entry.time;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const hhmm = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/**
 * The instant a time answer names: a time of day alone is on the incident's Date (else today), a date
 * and time without an offset is UTC. Only real calendar dates and times of day.
 */
export function entryTime(text: string, incidentDate: string | undefined): Date | undefined {
  const m = /^\s*(?:(\d{4}-\d{2}-\d{2})(?:\s+|T))?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/i.exec(text);
  if (!m) return undefined;
  const day = m[1] ?? incidentDate ?? isoDay(new Date());
  if (!parseIsoDate(day)) return undefined;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = !m[5] || m[5].toUpperCase() === 'Z' ? 'Z' : m[5].length === 5 ? `${m[5].slice(0, 3)}:${m[5].slice(3)}` : m[5];
  const date = new Date(`${day}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The Summary's Date value (the template's own label for it), when it is a calendar date. */
function summaryDate(text: string, templateText: string | undefined): string | undefined {
  const field = templateFor(templateText).summaryFields.find((f) => f.name === 'date');
  const label = (field?.label ?? 'Date').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^\\s*(?:[-*]\\s+)?\\*\\*${label}:?\\*\\*:?\\s*(\\d{4}-\\d{2}-\\d{2})`, 'mi').exec(text);
  return m && parseIsoDate(m[1] as string) ? m[1] : undefined;
}
