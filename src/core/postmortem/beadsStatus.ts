// An action item's Status against its Beads issue: what the issue's status (and close reason) means in
// the action-item statuses (Open, In Progress, Done, Won't Do), and whether the two disagree. The
// drift table, in one place:
//
//   item says \ issue is    open   in_progress   blocked   closed (done)   closed (won't do)   other
//   Done                    drift  drift         drift     -               drift               -
//   Open / In Progress      -      -             -         drift           drift               -
//   Won't Do                -      -             -         drift           -                   -
//
// "other": deferred, pinned, hooked and custom statuses say nothing about the item.
import type { BeadsIssue } from '../types';
import { DEFAULT_STATUSES } from './actionItems';
import { statusKey } from './status';

/** What an action item's Status, or a Beads issue, says about the work. */
export type WorkState = 'open' | 'in progress' | 'blocked' | 'done' | "won't do";

// A close reason that means the work was not done.
const WONT_DO_REASON = /\b(?:won'?t ?fix|wont-?fix|won'?t do|cancel+ed|cancel+ation|rejected|abandoned|not planned|obsolete|invalid)\b/i;

const ITEM_WORDS: [WorkState, RegExp][] = [
  ["won't do", /^(?:won'?t do|wont do|won'?t fix|wontfix|cancel+ed|rejected|abandoned|dropped|not planned)$/],
  ['done', /^(?:done|completed?|fixed|merged|shipped|resolved|implemented|finished|closed)$/],
  ['in progress', /^(?:in progress|wip|doing|started|ongoing|in review)$/],
  ['blocked', /^blocked$/],
  ['open', /^(?:open|todo|to do|planned|new|not started|pending)$/],
];

/** What an action item's Status cell says; undefined for a value of no known meaning. */
export function itemState(status: string): WorkState | undefined {
  const key = statusKey(status.replace(/\u2019/g, "'"));
  return ITEM_WORDS.find(([, words]) => words.test(key))?.[0];
}

/** Whether a closed issue's reason says the work was not done (wontfix, canceled, rejected, abandoned...). */
export function closedAsWontDo(issue: BeadsIssue): boolean {
  return WONT_DO_REASON.test(issue.closeReason ?? '');
}

/** What a Beads issue says; undefined for deferred, pinned, hooked and custom statuses. */
export function issueState(issue: BeadsIssue): WorkState | undefined {
  switch (issue.status) {
    case 'open':
      return 'open';
    case 'in_progress':
      return 'in progress';
    case 'blocked':
      return 'blocked';
    case 'closed':
      return closedAsWontDo(issue) ? "won't do" : 'done';
    default:
      return undefined;
  }
}

const UNFINISHED: ReadonlySet<WorkState> = new Set(['open', 'in progress', 'blocked']);

/** Whether an item's state disagrees with its issue's (the table above). */
export function drifts(item: WorkState, issue: WorkState): boolean {
  if (item === 'done') return issue !== 'done';
  if (item === "won't do") return issue === 'done';
  return !UNFINISHED.has(issue);
}

/**
 * The Status value that says what the issue says, from the action-item statuses: blocked is the
 * "Blocked" choice when there is one, else the first (Open) as any state without a choice of its own.
 */
export function statusFor(state: WorkState, statuses: readonly string[] = DEFAULT_STATUSES): string {
  return statuses.find((s) => itemState(s) === state) ?? (statuses[0] as string);
}
