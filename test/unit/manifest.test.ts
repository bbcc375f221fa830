// The extension manifest (package.json) against the code: every command registered is contributed,
// activates the extension and sits in the "Post-Mortem" category; every setting is documented; the
// files the manifest points at exist; the package keeps only what runs.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const sources = ['extension.ts'].map((f) => readFileSync(join(root, 'src', 'vscode', f), 'utf8')).join('\n');

describe('package.json (the VS Code extension manifest)', () => {
  it('contributes exactly the commands the extension registers, in the Post-Mortem category, each activating it', () => {
    const registered = [...sources.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(contributed, registered);
    assert.deepEqual(registered, [
      'postmortem.addTimelineEntry',
      'postmortem.insertSection',
      'postmortem.lintDocument',
      'postmortem.lintWorkspace',
      'postmortem.new',
      'postmortem.nextPlaceholder',
      'postmortem.showMetrics',
      'postmortem.showReport',
      'postmortem.useAsTeamTemplate',
    ]);
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'Post-Mortem', c.command);
    }
    // Contributed commands activate the extension by themselves since VS Code 1.74: no onCommand: events.
    assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown']);
    const titles = Object.fromEntries(pkg.contributes.commands.map((c: { command: string; title: string }) => [c.command, c.title]));
    assert.equal(titles['postmortem.new'], 'New Post-Mortem');
    assert.equal(titles['postmortem.insertSection'], 'Insert Section...');
    assert.equal(titles['postmortem.lintWorkspace'], 'Lint All Post-Mortems');
    assert.equal(titles['postmortem.nextPlaceholder'], 'Go to Next Placeholder');
    assert.equal(titles['postmortem.addTimelineEntry'], 'Add Timeline Entry');
    assert.equal(titles['postmortem.useAsTeamTemplate'], 'Use as Team Template');
  });

  it('binds keys and menu entries to contributed commands, under context keys the extension sets', () => {
    const contributed = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const entries: { command: string; when?: string }[] = [...pkg.contributes.keybindings, ...Object.values(pkg.contributes.menus as Record<string, { command: string; when?: string }[]>).flat()];
    for (const e of entries) assert.ok(contributed.has(e.command), e.command);
    const next = pkg.contributes.keybindings.find((k: { command: string }) => k.command === 'postmortem.nextPlaceholder');
    assert.deepEqual(next, { command: 'postmortem.nextPlaceholder', key: 'ctrl+k .', mac: 'cmd+k .', when: 'editorTextFocus && postmortem.isPostmortem' });
    const vscodeSources = readdirSync(join(root, 'src', 'vscode'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(root, 'src', 'vscode', f), 'utf8'))
      .join('\n');
    const contextKeys = new Set(entries.flatMap((e) => [...(e.when ?? '').matchAll(/\bpostmortem\.[\w.]+/g)].map((m) => m[0])));
    assert.deepEqual([...contextKeys], ['postmortem.isPostmortem']);
    // The one context key is named once in src/vscode and set from there.
    assert.match(vscodeSources, /IS_POSTMORTEM_CONTEXT = 'postmortem\.isPostmortem'/);
    assert.match(vscodeSources, /executeCommand\('setContext', IS_POSTMORTEM_CONTEXT, /);
  });

  it('documents every setting with a markdownDescription, and only postmortem.* settings', () => {
    const properties = pkg.contributes.configuration.properties as Record<string, { markdownDescription?: string; default?: unknown }>;
    assert.deepEqual(Object.keys(properties).sort(), [
      'postmortem.beads.directory',
      'postmortem.directory',
      'postmortem.fileName',
      'postmortem.files',
      'postmortem.lint.debounceMs',
      'postmortem.lint.maxSizeKb',
      'postmortem.lint.run',
      'postmortem.rules',
    ]);
    for (const [key, p] of Object.entries(properties)) {
      assert.ok(typeof p.markdownDescription === 'string' && p.markdownDescription.length > 20, key);
      assert.ok('default' in p, `${key} has a default`);
    }
    assert.equal(properties['postmortem.lint.maxSizeKb']?.default, 1024);
    assert.equal(properties['postmortem.directory']?.default, 'docs/postmortems');
    assert.equal(properties['postmortem.fileName']?.default, '{date}-{slug}.md');
  });

  it('points at files that exist: snippets, the config schema, the icon', () => {
    assert.deepEqual(pkg.contributes.snippets, [{ language: 'markdown', path: './snippets/postmortem.code-snippets' }]);
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.postmortemrc.json', url: './schemas/postmortemrc.schema.json' }]);
    for (const file of [pkg.contributes.snippets[0].path, pkg.contributes.jsonValidation[0].url, pkg.icon]) {
      assert.ok(existsSync(join(root, file)), file);
    }
    const png = readFileSync(join(root, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('declares its capabilities and builds the worker it starts', () => {
    assert.equal(pkg.capabilities.virtualWorkspaces, true);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['postmortem.directory', 'postmortem.fileName']);
    assert.equal(pkg.main, './dist/extension.js');
    assert.match(readFileSync(join(root, 'esbuild.mjs'), 'utf8'), /src\/vscode\/lintWorker\.ts'\], outfile: 'dist\/lintWorker\.js'/);
    assert.match(sources, /'dist', 'lintWorker\.js'/);
  });

  it('packages only what runs (.vscodeignore excludes everything, then re-includes)', () => {
    const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    assert.deepEqual(lines.slice(1).sort(), [
      '!CHANGELOG.md',
      '!LICENSE',
      '!README.md',
      '!dist/extension.js',
      '!dist/lintWorker.js',
      '!images/*.png',
      '!schemas/*.schema.json',
      '!snippets/postmortem.code-snippets',
    ]);
    assert.match(pkg.scripts.package, /^vsce package --no-dependencies\b/);
  });
});
