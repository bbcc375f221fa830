// "Use as Team Template": what `postmortem init --from FILE` does, from the editor. Derives a template
// from the active (or, from the explorer, the selected) post-mortem, asks where to save it, writes it
// there (never over an existing file), makes the workspace's .postmortemrc.json name it (a new file, or
// only its "template" key changed) and opens the template.
import * as vscode from 'vscode';
import { modify, applyEdits } from 'jsonc-parser/lib/esm/main.js';
import { deriveTemplate, templateFor } from '../../core/index';
import { CONFIG_FILE_NAMES, parseConfigText } from '../../config/configLoader';
import { readSettings } from '../settings';

const TITLE = 'Use as Team Template';

const exists = (uri: vscode.Uri): Thenable<boolean> =>
  vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** The config file at the folder's root (a package.json only with a "postmortem" key), if any. */
async function rootConfig(folder: vscode.Uri): Promise<{ uri: vscode.Uri; name: string; text: string } | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const uri = vscode.Uri.joinPath(folder, name);
    const text = await readText(uri);
    if (text === undefined) continue;
    if (name === 'package.json') {
      try {
        if (parseConfigText(text, uri.path, name) === undefined) continue;
      } catch {
        continue;
      }
    }
    return { uri, name, text };
  }
  return undefined;
}

/** Why a path typed for the template cannot be used, or undefined when it can. */
async function pathProblem(folder: vscode.Uri, value: string): Promise<string | undefined> {
  const path = value.trim().replace(/\\/g, '/');
  if (!path) return 'A path is required, e.g. docs/postmortems/TEMPLATE.md.';
  if (/^(?:[a-zA-Z]:)?\//.test(path) || path.split('/').includes('..')) return 'A path inside the workspace folder, relative to it.';
  if (!/\.md$/i.test(path)) return 'A Markdown file: the name ends in .md.';
  if (await exists(vscode.Uri.joinPath(folder, path))) return `${path} already exists, and a template is never written over a file: choose another name.`;
  return undefined;
}

/** Returns the template's URI, or undefined when cancelled or refused. */
export async function useAsTeamTemplate(selected?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const refuse = (message: string) => {
    void vscode.window.showErrorMessage(`${TITLE}: ${message}`);
    return undefined;
  };
  const source = selected ?? vscode.window.activeTextEditor?.document.uri;
  if (!source) return refuse('open the post-mortem to learn the layout from, or pick it in the explorer.');
  const folder = vscode.workspace.getWorkspaceFolder(source) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return refuse('open a folder first: the template and .postmortemrc.json are written into it.');
  const text = await readText(source);
  if (text === undefined) return refuse(`cannot read ${vscode.workspace.asRelativePath(source)}.`);
  const templateText = deriveTemplate(text);
  if (templateFor(templateText).sections.length === 0) return refuse(`${vscode.workspace.asRelativePath(source)} has no section headings (## ...) to learn a layout from.`);

  const config = await rootConfig(folder.uri);
  // A YAML config keeps its comments and layout only if edited by hand: the message says what to set.
  const yaml = config !== undefined && /\.ya?ml$/.test(config.name);

  const suggested = `${readSettings(folder.uri).directory.replace(/\/+$/, '')}/TEMPLATE.md`;
  const answer = await vscode.window.showInputBox({
    title: TITLE,
    prompt: `Where to save the template derived from ${vscode.workspace.asRelativePath(source, false)} (relative to ${folder.name})`,
    value: suggested,
    validateInput: (value) => pathProblem(folder.uri, value),
  });
  if (answer === undefined) return undefined;
  const problem = await pathProblem(folder.uri, answer);
  if (problem) return refuse(problem);
  const templatePath = answer.trim().replace(/\\/g, '/');
  const templateUri = vscode.Uri.joinPath(folder.uri, templatePath);

  // The config change is worked out before anything is written, so a config that cannot take it writes nothing.
  const keyPath = config?.name === 'package.json' ? ['postmortem', 'template'] : ['template'];
  let configText: string | undefined;
  try {
    configText = yaml
      ? undefined
      : config
      ? applyEdits(config.text, modify(config.text, keyPath, templatePath, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: config.text.includes('\r\n') ? '\r\n' : '\n' } }))
      : `${JSON.stringify({ template: templatePath }, null, 2)}\n`;
  } catch (error) {
    return refuse(`cannot change "template" in ${config?.name}: ${error instanceof Error ? error.message : String(error)}`);
  }

  if (await exists(templateUri)) return refuse(`${templatePath} already exists, and a template is never written over a file.`);
  const configUri = config?.uri ?? vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAMES[0]);
  try {
    await vscode.workspace.fs.writeFile(templateUri, new TextEncoder().encode(templateText));
  } catch (error) {
    return refuse(`cannot write ${templatePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const openConfig = vscode.workspace.textDocuments.find((d) => d.uri.toString() === configUri.toString());
  if (configText === undefined) {
    await vscode.window.showTextDocument(templateUri);
    void vscode.window.showWarningMessage(`${TITLE}: team template written to ${templatePath}. Set template: ${templatePath} in ${config?.name} to use it (this command does not edit YAML).`);
    return templateUri;
  }
  if (openConfig?.isDirty) {
    // Unsaved changes in the config are the user's: the change goes into the editor, for them to save.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(configUri, new vscode.Range(openConfig.positionAt(0), openConfig.positionAt(openConfig.getText().length)), configText);
    await vscode.workspace.applyEdit(edit);
  } else {
    await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(configText));
  }

  await vscode.window.showTextDocument(templateUri);
  const configName = vscode.workspace.asRelativePath(configUri, false);
  void vscode.window.showInformationMessage(
    `Team template written to ${templatePath}; ${configName} ${config ? 'now names it ("template")' : 'created, naming it'}. Reword its placeholders as guidance for authors, then commit both.`,
  );
  return templateUri;
}
