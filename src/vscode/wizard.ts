// A multi-step input (as vscode-extension-samples' quickinput-sample): one QuickInput per step, titled
// "(2/4)", a Back button from the second step on, and the answers kept when the user goes back (each
// step opens with its earlier answer). Escape cancels the whole flow; the answers given so far are
// returned with it, so a command can offer them again next time.
import * as vscode from 'vscode';

export interface InputStep {
  kind: 'input';
  key: string;
  prompt: string;
  placeHolder?: string;
  /** The value shown when the step has no earlier answer. */
  initial?: () => string;
  /** A message when the value is not acceptable; undefined when it is. */
  validate?: (value: string) => string | undefined;
}

export interface PickStep {
  kind: 'pick';
  key: string;
  placeHolder: string;
  items: readonly { label: string; description?: string }[];
}

export type WizardStep = InputStep | PickStep;

export interface WizardOutcome {
  /** true when every step was answered. */
  done: boolean;
  /** The answers by step key (for a cancelled flow: those given so far). */
  answers: Record<string, string>;
}

type StepResult = { go: 'next'; value: string } | { go: 'back'; value?: string } | { go: 'cancel'; value?: string };

export async function runWizard(title: string, steps: readonly WizardStep[], earlier: Record<string, string> = {}): Promise<WizardOutcome> {
  const answers: Record<string, string> = { ...earlier };
  let index = 0;
  while (index < steps.length) {
    const step = steps[index] as WizardStep;
    const heading = `${title} (${index + 1}/${steps.length})`;
    const result = step.kind === 'input' ? await askInput(heading, index > 0, step, answers[step.key]) : await askPick(heading, index > 0, step, answers[step.key]);
    // What was typed is kept even unconfirmed: going back and forth, or Escape and a new run, shows it again.
    if (result.value !== undefined) answers[step.key] = result.value;
    if (result.go === 'cancel') return { done: false, answers };
    if (result.go === 'back') {
      index--;
      continue;
    }
    index++;
  }
  return { done: true, answers };
}

function askInput(title: string, canGoBack: boolean, step: InputStep, earlier: string | undefined): Promise<StepResult> {
  const box = vscode.window.createInputBox();
  box.title = title;
  box.prompt = step.prompt;
  if (step.placeHolder) box.placeholder = step.placeHolder;
  box.value = earlier ?? step.initial?.() ?? '';
  box.ignoreFocusOut = true;
  if (canGoBack) box.buttons = [vscode.QuickInputButtons.Back];
  const validate = () => {
    const message = step.validate?.(box.value);
    box.validationMessage = message ? { message, severity: vscode.InputBoxValidationSeverity.Error } : undefined;
    return message === undefined;
  };
  if (box.value) validate();
  return settle(box, () => box.value, (resolve) => [
    box.onDidChangeValue(() => validate()),
    box.onDidAccept(() => {
      if (validate()) resolve({ go: 'next', value: box.value });
    }),
  ]);
}

function askPick(title: string, canGoBack: boolean, step: PickStep, earlier: string | undefined): Promise<StepResult> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  pick.title = title;
  pick.placeholder = step.placeHolder;
  pick.items = step.items.map((i) => ({ ...i }));
  pick.ignoreFocusOut = true;
  const active = pick.items.find((i) => i.label === earlier);
  if (active) pick.activeItems = [active];
  if (canGoBack) pick.buttons = [vscode.QuickInputButtons.Back];
  return settle(pick, () => undefined, (resolve) => [
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (chosen) resolve({ go: 'next', value: chosen.label });
    }),
  ]);
}

/** Shows a step and resolves once: accepted (by the step's own listeners), Back, or hidden (Escape). */
function settle(
  input: vscode.QuickInput & { onDidTriggerButton: vscode.Event<vscode.QuickInputButton> },
  draft: () => string | undefined,
  listen: (resolve: (r: StepResult) => void) => vscode.Disposable[],
): Promise<StepResult> {
  return new Promise((resolve) => {
    let settled = false;
    const disposables: vscode.Disposable[] = [];
    const finish = (result: StepResult) => {
      if (settled) return;
      settled = true;
      for (const d of disposables) d.dispose();
      resolve(result);
      input.dispose();
    };
    disposables.push(
      ...listen(finish),
      input.onDidTriggerButton((b) => {
        if (b === vscode.QuickInputButtons.Back) finish(withDraft('back', draft()));
      }),
      input.onDidHide(() => finish(withDraft('cancel', draft()))),
    );
    input.show();
  });
}

function withDraft(go: 'back' | 'cancel', value: string | undefined): StepResult {
  return value === undefined ? { go } : { go, value };
}
