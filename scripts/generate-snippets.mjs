// snippets/postmortem.code-snippets <- the built-in template, through the same core code the
// extension uses (src/core/authoring/snippets.ts), bundled in memory so this runs under plain node.
// Registered with scripts/generate.mjs, which writes the file or, with --check, fails when it is stale.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function generateSnippets(root, header) {
  const bundle = await build({
    stdin: {
      contents: "export { buildTemplateModel } from './src/core/template/model'; export { buildSnippets } from './src/core/authoring/snippets';",
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'generate-snippets-entry.ts',
    },
    write: false,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  const code = bundle.outputFiles[0].text;
  const { buildTemplateModel, buildSnippets } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

  // The template's Markdown itself, not src/core/template/builtin.ts: that file may be regenerated in this same run.
  const template = buildTemplateModel(readFileSync(join(root, 'src/core/template/postmortem-template.md'), 'utf8'));
  const snippets = buildSnippets(template);
  const content = `${header}// Built from src/core/template/postmortem-template.md by scripts/generate-snippets.mjs (src/core/authoring/snippets.ts).\n${JSON.stringify(snippets, null, 2)}\n`;
  return [['snippets/postmortem.code-snippets', content]];
}
