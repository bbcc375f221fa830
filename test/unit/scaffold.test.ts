import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../src/core/engine/lint';
import { fileNameFor, MAX_FILE_NAME_BYTES, MAX_SLUG_LENGTH, scaffoldSnippet, scaffoldText, slugify, type ScaffoldAnswers } from '../../src/core/authoring/scaffold';
import { buildTemplateModel, builtinTemplate, type TemplateModel } from '../../src/core/template/model';
import { expandSnippet, STRUCTURAL_RULES } from './snippetExpander';

/** scaffoldText with every choice list left as written replaced by its first choice, as a snippet's choice inserts it. */
function withFirstChoices(text: string, template: TemplateModel): string {
  let out = text;
  for (const f of template.summaryFields) if (f.choices) out = out.replace(f.templateValue, f.choices[0] as string);
  return out;
}

function structuralFindings(text: string, templateText?: string): string[] {
  const findings = lint(text, templateText === undefined ? {} : { templateText });
  return findings.filter((f) => STRUCTURAL_RULES.has(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`);
}

const answers: ScaffoldAnswers = { title: "Zoë's DB outage", severity: 'SEV2', date: '2024-05-01', incidentId: 'INC-1234' };

// A team template unlike the built-in one: CRLF, no placeholder in the H1, fields in a list, a field
// value with text after its placeholder, other choice lists, snippet metacharacters in prose and in a
// placeholder, and bracketed text that is not a placeholder (comment, inline code, code block, link).
const teamTemplate = [
  '---',
  'owner: sre',
  '---',
  '# Incident Report',
  '',
  '<!-- Fill in every [bracketed] field. -->',
  '',
  '## Overview',
  '',
  '- **Incident ID:** [ID]',
  '- **Date:** [YYYY-MM-DD] (UTC)',
  '- **Severity:** P1 | P2 | P3',
  '- **Status:** Open | Closed',
  '- **Cost:** [$ amount, {rough}]',
  '- **Started:** YYYY-MM-DD HH:MM',
  '',
  '## Timeline',
  '',
  '- HH:MM [what happened]',
  '',
  '## Notes',
  '',
  'Budget was \\$5 and the path was C:\\temp\\x; run `grep [a-z]` first.',
  '',
  '```sh',
  'echo ${HOME} [not a placeholder]',
  '```',
  '',
  'See the [runbook].',
  '',
  '[runbook]: https://example.com/runbook',
  '',
  '- [ ] Paged: [who was paged]',
  '',
].join('\r\n');

describe('the snippet expander used by these tests', () => {
  it('resolves tab stops, choices, variables and escapes', () => {
    const e = expandSnippet('a ${1:[x \\} \\$y]} ${2|P1,P\\,2|} $3 ${CURRENT_HOUR}:${4:${CURRENT_MINUTE}} \\\\');
    assert.equal(e.text, 'a [x } $y] P1  09:05 \\');
    assert.deepEqual(
      e.tabStops.map((t) => [t.index, e.text.slice(t.start, t.end), t.choices]),
      [
        [1, '[x } $y]', undefined],
        [2, 'P1', ['P1', 'P,2']],
        [3, '', undefined],
        [4, '05', undefined],
      ],
    );
  });

  it('rejects what VS Code would read differently than written', () => {
    assert.throws(() => expandSnippet('costs $ or more'), /unescaped \$/);
    assert.equal(expandSnippet('costs $5').tabStops[0]?.index, 5, 'an unescaped $5 is a tab stop');
    assert.throws(() => expandSnippet('a } b'), /unescaped \}/);
    assert.throws(() => expandSnippet('C:\\temp'), /escapes nothing/);
    assert.throws(() => expandSnippet('${1:open'), /unclosed/);
    assert.throws(() => expandSnippet('$HOME'), /unknown variable/);
  });
});

describe('scaffoldSnippet and scaffoldText (built-in template)', () => {
  const template = builtinTemplate();

  it('with no answers: the snippet expands to the template with first choices and Status Draft', () => {
    const snippet = scaffoldSnippet(template, { title: '' });
    const text = scaffoldText(template, { title: '' });
    const expanded = expandSnippet(snippet);
    assert.equal(expanded.text, withFirstChoices(text, template));
    assert.equal(text, template.source.replace('Draft | In Review | Complete', 'Draft'), 'only Status changes');
  });

  it('numbers tab stops 1..n in document order, the title first', () => {
    const { tabStops, text } = expandSnippet(scaffoldSnippet(template, { title: '' }));
    assert.deepEqual(
      tabStops.map((t) => t.index),
      tabStops.map((_, i) => i + 1),
    );
    for (let i = 1; i < tabStops.length; i++) assert.ok((tabStops[i] as { start: number }).start > (tabStops[i - 1] as { start: number }).start);
    const defaults = tabStops.map((t) => text.slice(t.start, t.end));
    assert.equal(defaults[0], '[Incident Title]');
    assert.ok(defaults.includes('[X hours Y minutes]'));
    assert.ok(defaults.includes('[$X or N/A]'), 'a placeholder holding $');
    assert.ok(defaults.includes('HH:MM'), 'timeline times');
    assert.ok(defaults.includes('[Factor 1]') && defaults.includes('[Explanation]'), 'the details list (parsed as link definitions)');
    assert.equal(defaults.filter((d) => d === 'HH:MM').length, 7);
    const severity = tabStops.find((t) => t.choices);
    assert.deepEqual(severity?.choices, ['SEV1', 'SEV2', 'SEV3', 'SEV4']);
    assert.equal(tabStops.filter((t) => t.choices).length, 1, 'Status is not a choice: it is Draft');
  });

  it('does not stop in checklist hints, but keeps them in the text', () => {
    const { tabStops, text } = expandSnippet(scaffoldSnippet(template, { title: '' }));
    const defaults = new Set(tabStops.map((t) => text.slice(t.start, t.end)));
    for (const hint of ["[Monitoring didn't catch it]", '[Manual mistake]', '[specify]']) {
      assert.ok(!defaults.has(hint), hint);
      assert.ok(text.includes(hint), hint);
    }
  });

  it('stops in the cells the Sign-off table leaves empty, without changing the text', () => {
    const snippet = scaffoldSnippet(template, { title: '' });
    assert.match(snippet, /^\| Author \| \$\{(\d+)\}\| \$\{(\d+)\}\|$/m);
    assert.match(snippet, /^\| Product Owner \| \$\{\d+\}\| \$\{\d+\}\|$/m);
    const { text } = expandSnippet(snippet);
    assert.ok(text.endsWith('| Product Owner | | |\n'));
  });

  it('stops exactly where the placeholder rule reports text left unfilled', () => {
    const { tabStops, text } = expandSnippet(scaffoldSnippet(template, { title: '' }));
    const reported = lint(text).filter((f) => f.ruleId === 'placeholder');
    assert.ok(reported.length > 50);
    const covers = (f: { offset: number; endOffset: number }, t: { start: number; end: number }) => f.offset <= t.start && t.end <= f.endOffset;
    for (const t of tabStops.filter((x) => !x.choices)) {
      assert.ok(reported.some((f) => covers(f, t)), `tab stop ${t.index} "${text.slice(t.start, t.end)}" is reported when left`);
    }
    for (const f of reported) {
      assert.ok(tabStops.some((t) => covers(f, t)), `"${text.slice(f.offset, f.endOffset)}" (${f.message}) has a tab stop`);
    }
  });

  it('fills the answers into the title and the Summary fields', () => {
    const text = scaffoldText(template, answers);
    assert.match(text, /^# Post-Mortem: Zoë's DB outage\n/);
    assert.match(text, /^\*\*Incident ID:\*\* INC-1234 {2}$/m);
    assert.match(text, /^\*\*Date:\*\* 2024-05-01 {2}$/m);
    assert.match(text, /^\*\*Severity:\*\* SEV2 {2}$/m);
    assert.match(text, /^\*\*Status:\*\* Draft {2}$/m);
    assert.match(text, /^\*\*Duration:\*\* \[X hours Y minutes\] {2}$/m, 'unanswered fields stay');
    const expanded = expandSnippet(scaffoldSnippet(template, answers));
    assert.equal(expanded.text, text, 'nothing left to choose');
    assert.ok(expanded.tabStops.every((t) => !t.choices));
    assert.equal(expanded.text.slice(expanded.tabStops[0]?.start, expanded.tabStops[0]?.end), '[X hours Y minutes]');
  });

  it('treats blank answers as unanswered and keeps answers on one line', () => {
    const snippet = scaffoldSnippet(template, { title: '  ', severity: '', date: ' ' });
    assert.match(snippet, /^# Post-Mortem: \$\{1:\[Incident Title\]\}$/m);
    assert.match(snippet, /\*\*Severity:\*\* \$\{\d+\|SEV1,SEV2,SEV3,SEV4\|\}/);
    assert.match(snippet, /\*\*Date:\*\* \$\{\d+:\[YYYY-MM-DD\]\}/);
    assert.match(scaffoldText(template, { title: 'DB\n  down\r\nagain ' }), /^# Post-Mortem: DB down again\n/);
  });

  it('escapes brackets in answers, so the author\'s text is not taken for a placeholder', () => {
    const text = scaffoldText(template, { title: '[WIP] DB outage', incidentId: '[INC-9]' });
    assert.match(text, /^# Post-Mortem: \\\[WIP\\\] DB outage$/m);
    const reported = lint(text).filter((f) => f.ruleId === 'placeholder').map((f) => text.slice(f.offset, f.endOffset));
    assert.ok(!reported.some((p) => p.includes('WIP') || p.includes('INC-9')), reported.join(', '));
  });

  it('escapes snippet syntax in answers', () => {
    const tricky = { title: 'Cost $5 } \\ ${HOME}', incidentId: '$1' };
    const expanded = expandSnippet(scaffoldSnippet(template, tricky));
    assert.equal(expanded.text, withFirstChoices(scaffoldText(template, tricky), template));
    assert.match(expanded.text, /^# Post-Mortem: Cost \$5 \} \\ \$\{HOME\}$/m);
  });

  it('expands to a document with no structural findings', () => {
    assert.deepEqual(structuralFindings(expandSnippet(scaffoldSnippet(template, { title: '' })).text), []);
    assert.deepEqual(structuralFindings(expandSnippet(scaffoldSnippet(template, answers)).text), []);
    assert.deepEqual(structuralFindings(scaffoldText(template, answers)), []);
  });
});

describe('scaffolding from a team template', () => {
  const template = buildTemplateModel(teamTemplate);

  it('expands to the plain text with first choices, keeping CRLF', () => {
    for (const a of [{ title: '' }, answers]) {
      const text = scaffoldText(template, a);
      assert.equal(expandSnippet(scaffoldSnippet(template, a)).text, withFirstChoices(text, template));
      assert.ok(!/[^\r]\n/.test(text), 'every line break is CRLF');
    }
  });

  it('appends the title to an H1 without a placeholder and fills list-style fields', () => {
    const text = scaffoldText(template, answers);
    assert.match(text, /^# Incident Report: Zoë's DB outage\r$/m);
    assert.match(text, /^- \*\*Date:\*\* 2024-05-01 \(UTC\)\r$/m, 'the text after the placeholder stays');
    assert.match(text, /^- \*\*Severity:\*\* SEV2\r$/m);
    assert.match(text, /^- \*\*Status:\*\* Open\r$/m, 'the first Status choice');
    assert.match(text, /^- \*\*Incident ID:\*\* INC-1234\r$/m);
  });

  it('stops only at placeholders meant to be filled', () => {
    const { tabStops, text } = expandSnippet(scaffoldSnippet(template, { title: '' }));
    assert.deepEqual(
      tabStops.map((t) => [text.slice(t.start, t.end), t.choices]),
      [
        ['[ID]', undefined],
        ['[YYYY-MM-DD]', undefined],
        ['P1', ['P1', 'P2', 'P3']],
        ['[$ amount, {rough}]', undefined],
        ['YYYY-MM-DD HH:MM', undefined],
        ['HH:MM', undefined],
        ['[what happened]', undefined],
      ],
    );
  });

  it('expands to a document with no structural findings against that template', () => {
    assert.deepEqual(structuralFindings(expandSnippet(scaffoldSnippet(template, answers)).text, teamTemplate), []);
  });

  it('puts the title on top of a template without an H1, after its front matter', () => {
    const plain = buildTemplateModel('## Summary\n\n**Severity:** SEV1 | SEV2\n');
    assert.equal(scaffoldText(plain, { title: 'Lost queue' }), '# Lost queue\n\n## Summary\n\n**Severity:** SEV1 | SEV2\n');
    const withYaml = buildTemplateModel('---\r\nteam: sre\r\n---\r\n## Summary\r\n\r\nText.\r\n');
    assert.equal(scaffoldText(withYaml, { title: 'Lost queue' }), '---\r\nteam: sre\r\n---\r\n# Lost queue\r\n\r\n## Summary\r\n\r\nText.\r\n');
  });

  it('fills an empty field value after its label', () => {
    const empty = buildTemplateModel('# PM: [Title]\n\n## Summary\n\n**Date:**  \n**Severity:** [SEV]\n');
    assert.equal(scaffoldText(empty, { title: 'X', date: '2024-05-01', severity: 'SEV3' }), '# PM: X\n\n## Summary\n\n**Date:** 2024-05-01  \n**Severity:** SEV3\n');
  });
});

describe('slugify', () => {
  it('folds accents and drops apostrophes', () => {
    assert.equal(slugify("Zoë's DB outage"), 'zoes-db-outage');
    assert.equal(slugify('Straße — Æther’s  “fire”!'), 'strasse-aethers-fire');
    assert.equal(slugify('Ｆｕｌｌ width ﬁx'), 'full-width-fix');
  });

  it('keeps letters that have no ASCII form, drops symbols', () => {
    assert.equal(slugify('数据库 故障'), '数据库-故障');
    assert.equal(slugify('🔥 API 5xx'), 'api-5xx');
    assert.equal(slugify('!!!'), '');
    assert.equal(slugify(''), '');
  });

  it('cuts long titles at a hyphen', () => {
    const slug = slugify('The payment service returned errors for every request made by the mobile app during the deploy');
    assert.ok(slug.length <= MAX_SLUG_LENGTH, slug);
    assert.equal(slug, 'the-payment-service-returned-errors-for-every-request-made');
    assert.equal(slugify('x'.repeat(200)).length, MAX_SLUG_LENGTH);
  });
});

describe('fileNameFor', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s).length;

  it('fills {date}, {slug}, {id} and {title}', () => {
    assert.equal(fileNameFor('{date}-{slug}.md', answers), '2024-05-01-zoes-db-outage.md');
    assert.equal(fileNameFor('{id} {title}.md', answers), "INC-1234 Zoë's DB outage.md");
    assert.equal(fileNameFor('postmortems-{date}_{id}', answers), 'postmortems-2024-05-01_INC-1234.md', '.md added when the pattern has no extension');
    assert.equal(fileNameFor('{slug}.markdown', answers), 'zoes-db-outage.markdown');
  });

  it('drops a separator next to an empty value', () => {
    assert.equal(fileNameFor('{date}-{slug}.md', { title: 'DB down' }), 'db-down.md');
    assert.equal(fileNameFor('{date}-{slug}.md', { title: '', date: '2024-05-01' }), '2024-05-01.md');
    assert.equal(fileNameFor('{date}_{id}_{slug}.md', { title: 'DB down', date: '2024-05-01' }), '2024-05-01_db-down.md');
  });

  it('always gives a name, even from an empty title', () => {
    assert.equal(fileNameFor('{date}-{slug}.md', { title: '' }), 'postmortem.md');
    assert.equal(fileNameFor('{slug}.md', { title: '???' }), 'postmortem.md');
    assert.equal(fileNameFor('', { title: '' }), 'postmortem.md');
  });

  it('never yields a path, a hidden file or a reserved name', () => {
    assert.equal(fileNameFor('{title}.md', { title: '../../etc/passwd' }), 'etc-passwd.md');
    assert.equal(fileNameFor('{title}.md', { title: 'a/b\\c: d*?"<>|e' }), 'a-b-c- d-e.md');
    assert.equal(fileNameFor('incidents/{slug}.md', { title: 'DB down' }), 'incidents-db-down.md');
    assert.equal(fileNameFor('{title}.md', { title: '.env' }), 'env.md');
    assert.equal(fileNameFor('{title}.md', { title: 'tab\there\u0000x' }), 'tab here-x.md', 'whitespace collapsed, control characters replaced');
    assert.equal(fileNameFor('{title}.md', { title: 'CON' }), 'CON-postmortem.md');
    assert.equal(fileNameFor('{title}.md', { title: 'trailing dots...' }), 'trailing dots.md');
  });

  it('keeps non-ASCII titles and slugifies them sensibly', () => {
    assert.equal(fileNameFor('{date}-{slug}.md', { title: "Zoë's DB outage", date: '2024-05-01' }), '2024-05-01-zoes-db-outage.md');
    assert.equal(fileNameFor('{title}.md', { title: 'Ausfall der Datenbank – Köln' }), 'Ausfall der Datenbank – Köln.md');
  });

  it('truncates very long titles', () => {
    const long = 'The payment service returned errors for every request '.repeat(10);
    const bySlug = fileNameFor('{date}-{slug}.md', { title: long, date: '2024-05-01' });
    assert.ok(bySlug.length <= 11 + MAX_SLUG_LENGTH + 3, bySlug);
    assert.ok(bySlug.startsWith('2024-05-01-the-payment-service') && bySlug.endsWith('.md'), bySlug);
    const byTitle = fileNameFor('{title}.md', { title: 'Ü'.repeat(300) });
    assert.ok(utf8(byTitle) <= MAX_FILE_NAME_BYTES, `${utf8(byTitle)} bytes`);
    assert.ok(byTitle.endsWith('Ü.md'));
    const emoji = fileNameFor('{title}.md', { title: '🔥'.repeat(100) });
    assert.ok(utf8(emoji) <= MAX_FILE_NAME_BYTES, `${utf8(emoji)} bytes`);
    assert.equal(emoji.replace(/🔥/gu, ''), '.md', 'whole emoji only: no surrogate pair split');
  });
});
