import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { List, Table } from 'mdast';
import { buildDocument, plainText, rowTexts } from '../../src/core/markdown/document';
import { lint } from '../../src/core/engine/lint';
import { parseMarkdown } from '../../src/core/markdown/parse';
import { scaffoldSnippet, scaffoldText } from '../../src/core/authoring/scaffold';
import { buildSnippets, DEFAULT_ACTION_ITEM_STATUSES, type SnippetDefinition } from '../../src/core/authoring/snippets';
import { buildTemplateModel, builtinTemplate, type TemplateModel } from '../../src/core/template/model';
import { expandSnippet, STRUCTURAL_RULES } from './snippetExpander';

const snippetsFile = join(__dirname, '..', '..', 'snippets', 'postmortem.code-snippets');

/** The generated file is JSON with `//` comment lines (JSONC, as VS Code reads .code-snippets). */
function readSnippetsFile(): Record<string, SnippetDefinition> {
  return JSON.parse(readFileSync(snippetsFile, 'utf8').replace(/^[ \t]*\/\/.*$/gm, '')) as Record<string, SnippetDefinition>;
}

function withFirstChoices(text: string, template: TemplateModel): string {
  let out = text;
  for (const f of template.summaryFields) if (f.choices) out = out.split(f.templateValue).join(f.choices[0] as string);
  return out;
}

function structural(text: string): string[] {
  return lint(text)
    .filter((f) => STRUCTURAL_RULES.has(f.ruleId))
    .map((f) => `${f.ruleId}: ${f.message}`);
}

const expand = (s: SnippetDefinition) => expandSnippet(s.body.join('\n'));

function byPrefix(snippets: Record<string, SnippetDefinition>, prefix: string): SnippetDefinition {
  const found = Object.values(snippets).find((s) => s.prefix === prefix);
  assert.ok(found, `a snippet with prefix ${prefix}`);
  return found;
}

describe('snippets/postmortem.code-snippets', () => {
  const template = builtinTemplate();
  const snippets = readSnippetsFile();
  const all = Object.values(snippets);

  it('is what the built-in template generates (run node scripts/generate.mjs when this fails)', () => {
    assert.deepEqual(snippets, buildSnippets(template));
  });

  it('has markdown snippets with unique prefixes, every body valid snippet syntax', () => {
    assert.ok(all.length > template.sections.length);
    assert.ok(all.every((s) => s.scope === 'markdown' && Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')));
    assert.equal(new Set(all.map((s) => s.prefix)).size, all.length);
    for (const s of all) assert.doesNotThrow(() => expand(s), s.prefix);
  });

  it('has one snippet per template section and subsection', () => {
    const sectionSnippets = all.filter((s) => /^#{2,6} /.test(s.body[0] ?? ''));
    assert.equal(sectionSnippets.length, template.sections.length);
    for (const section of template.sections) {
      const heading = `${'#'.repeat(section.depth)} ${section.title}`;
      assert.equal(sectionSnippets.filter((s) => s.body[0] === heading).length, 1, heading);
    }
    assert.equal(byPrefix(snippets, 'pm-timeline').body[0], '## Timeline');
    assert.equal(byPrefix(snippets, 'pm-detection-delay').body[0], '### Detection Delay');
  });

  it('the whole-document snippet expands to the scaffold, with no structural findings', () => {
    const doc = byPrefix(snippets, 'postmortem');
    assert.equal(doc.description, 'New post-mortem document');
    const { text } = expand(doc);
    assert.equal(text, withFirstChoices(scaffoldText(template, { title: '' }), template));
    assert.deepEqual(structural(text), []);
  });

  it('every section snippet, inserted where the template lacks that section, restores it', () => {
    const source = template.source;
    const sections = buildDocument(source, parseMarkdown(source)).sections;
    assert.equal(sections.length, template.sections.length);
    for (const t of template.sections) {
      const s = sections[t.index];
      assert.ok(s);
      const snippet = all.find((x) => x.body[0] === `${'#'.repeat(t.depth)} ${t.title}`) as SnippetDefinition;
      const without = source.slice(0, s.start) + source.slice(s.end);
      assert.ok(
        lint(without).some((f) => f.ruleId === 'missing-section' && f.message.includes(`"${'#'.repeat(t.depth)} ${t.title}"`)),
        `the document without "${t.title}" misses it`,
      );
      const gap = s.end === source.length ? '\n' : '\n\n';
      const restored = without.slice(0, s.start) + expand(snippet).text + gap + without.slice(s.start);
      assert.deepEqual(structural(restored), [], t.title);
      assert.equal(withFirstChoices(restored, template), withFirstChoices(source, template), t.title);
    }
  });

  it('the section snippets offer the Summary choice lists as choices', () => {
    const { tabStops } = expand(byPrefix(snippets, 'pm-summary'));
    assert.deepEqual(
      tabStops.filter((t) => t.choices).map((t) => t.choices),
      [
        ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
        ['Draft', 'In Review', 'Complete'],
      ],
    );
  });

  /** Inserts a row after the table and parses again: the table must have grown by that row. */
  function appendRow(sectionKey: string, row: string, tableIndex = 0): { before: Table; after: Table } {
    const source = template.source;
    const doc = buildDocument(source, parseMarkdown(source));
    const table = doc.tables.filter((t) => t.section?.key === sectionKey)[tableIndex]?.node;
    assert.ok(table?.position, `a table in ${sectionKey}`);
    const end = table.position.end.offset as number;
    const text = `${source.slice(0, end)}\n${row}${source.slice(end)}`;
    const again = buildDocument(text, parseMarkdown(text)).tables.find((t) => t.node.position?.start.offset === table.position?.start.offset);
    assert.ok(again);
    return { before: table, after: again.node };
  }

  it('the timeline row is a well-formed row of the timeline table, its time a placeholder to fill', () => {
    const snippet = byPrefix(snippets, 'pm-timeline-row');
    assert.deepEqual(snippet.body, ['| ${1:HH:MM} | ${2:[Event]} |']);
    const { text } = expand(snippet);
    const { before, after } = appendRow('timeline', text);
    assert.equal(after.children.length, before.children.length + 1);
    const last = after.children[after.children.length - 1];
    assert.ok(last);
    assert.deepEqual(rowTexts(last), ['HH:MM', '[Event]']);
    assert.equal(last.children.length, (after.children[0] as { children: unknown[] }).children.length);
  });

  it('the action-item row fits every action-item table and offers the statuses', () => {
    const snippet = byPrefix(snippets, 'pm-action-item');
    const { text, tabStops } = expand(snippet);
    assert.deepEqual(tabStops.find((t) => t.choices)?.choices, [...DEFAULT_ACTION_ITEM_STATUSES]);
    const tables = template.tables.filter((t) => t.sectionKey.startsWith('immediate') || t.sectionKey.startsWith('short') || t.sectionKey.startsWith('long'));
    assert.equal(tables.length, 3);
    for (const t of tables) {
      const { before, after } = appendRow(t.sectionKey, text);
      assert.equal(after.children.length, before.children.length + 1, t.sectionTitle);
      const last = after.children[after.children.length - 1];
      assert.ok(last);
      assert.deepEqual(rowTexts(last), ['[Action]', '[Owner]', '[Due Date]', 'Open', '[Beads Issue]']);
      assert.equal(last.children.length, t.columns.length);
    }
  });

  it('the contributing-factor detail offers the template checklist labels', () => {
    const snippet = byPrefix(snippets, 'pm-contributing-factor');
    const { text, tabStops } = expand(snippet);
    const checklist = template.checklists.find((c) => c.sectionKey === 'contributing factors');
    assert.deepEqual(
      tabStops.find((t) => t.choices)?.choices,
      checklist?.options.map((o) => o.label),
    );
    assert.equal(text, '- Detection Gap: [Explanation]');
    // Appended to the Details list, it is one more item of that list.
    const source = template.source;
    const anchor = '- [Factor 2]: [Explanation]';
    const at = source.indexOf(anchor) + anchor.length;
    const withDetail = `${source.slice(0, at)}\n${text}${source.slice(at)}`;
    const lists = (doc: string) => buildDocument(doc, parseMarkdown(doc)).lists.filter((l) => l.section?.key === 'contributing factors').map((l) => l.node as List);
    const details = lists(withDetail)[1];
    assert.equal(details?.children.length, (lists(source)[1]?.children.length ?? 0) + 1);
    assert.equal(plainText(details?.children[2] as List['children'][number]).trim(), 'Detection Gap: [Explanation]');
  });
});

describe('buildSnippets on a team template', () => {
  const team = buildTemplateModel(
    [
      '# Incident: [Title]',
      '',
      '## Events',
      '',
      '| When | What | Who |',
      '|---|---|---|',
      '| YYYY-MM-DD HH:MM:SS | [Event] | [Name] |',
      '',
      '### Notes',
      '',
      'Cost: [$, {approx}]',
      '',
      '## Follow-ups',
      '',
      '| Task | Owner | Status |',
      '|---|---|---|',
      '| [Task] | [Name] | To Do |',
      '',
      '### Notes',
      '',
      '- [ ] Bad|Gap, big: [hint]',
      '- [ ] Other: [hint]',
      '',
      '- [Factor]: [Why it mattered]',
      '',
    ].join('\n'),
  );
  const snippets = buildSnippets(team);

  it('tells same-titled subsections apart by their parent', () => {
    assert.ok(byPrefix(snippets, 'pm-events-notes').body.includes('Cost: ${1:[\\$, {approx\\}]}'));
    assert.equal(byPrefix(snippets, 'pm-follow-ups-notes').body[0], '### Notes');
  });

  it('writes the time placeholder in the timeline format of the template', () => {
    const row = byPrefix(snippets, 'pm-timeline-row');
    assert.equal(expand(row).text, '| YYYY-MM-DD HH:MM:SS | [What] | [Who] |');
  });

  it('offers the template status first, then the usual ones', () => {
    const { tabStops, text } = expand(byPrefix(snippets, 'pm-action-item'));
    assert.deepEqual(tabStops.find((t) => t.choices)?.choices, ['To Do', ...DEFAULT_ACTION_ITEM_STATUSES]);
    assert.equal(text, '| [Task] | [Owner] | To Do |');
  });

  it('offers the factors of the checklist followed by a details list, escaping choice separators', () => {
    const factor = byPrefix(snippets, 'pm-contributing-factor');
    assert.deepEqual(expand(factor).tabStops[0]?.choices, ['Bad|Gap, big', 'Other']);
    assert.equal(expand(factor).text, '- Bad|Gap, big: [Why it mattered]', 'the details line names the explanation');
  });

  it('has no contributing-factor snippet when no checklist has a details list', () => {
    const alone = buildSnippets(buildTemplateModel('# PM: [Title]\n\n## Detection\n\n- [ ] Alert\n- [ ] Other: [specify]\n'));
    assert.ok(!Object.values(alone).some((s) => s.prefix === 'pm-contributing-factor'));
    assert.ok(!Object.values(alone).some((s) => s.prefix === 'pm-timeline-row' || s.prefix === 'pm-action-item'));
  });
});

// Every real post-mortem and template of ../shared/corpus, used as a team template: scaffolding and
// snippets never throw, expand to the template's own text, and add no structural finding.
const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus');
describe('scaffold and snippets from the corpus as team templates', { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` }, () => {
  const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.md')) : [];
  for (const file of files) {
    it(file, () => {
      const source = readFileSync(join(corpus, file), 'utf8');
      const team = buildTemplateModel(source);
      const answers = { title: "Zoë's $5 {outage}", severity: 'SEV2', date: '2024-05-01', incidentId: 'INC-1' };
      const text = scaffoldText(team, answers);
      assert.equal(expandSnippet(scaffoldSnippet(team, answers)).text, withFirstChoices(text, team));
      for (const s of Object.values(buildSnippets(team))) assert.doesNotThrow(() => expand(s), s.prefix);
      const count = (doc: string, templateText = source) => lint(doc, { templateText }).filter((f) => STRUCTURAL_RULES.has(f.ruleId)).length;
      // The template file itself is not checked as a post-mortem (isTemplateDocument): compare with its
      // text read as a draft, against the same template with a comment after it (another file's text).
      assert.equal(count(text), count(source, `${source}\n\n<!-- the same template -->\n`));
    });
  }
});
