import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTemplateModel, builtinTemplate, builtinTemplateText } from '../../src/core/index';
import { builtinTitlePrefix, isPostmortem, recognizePostmortem } from '../../src/core/postmortem/recognize';

describe('isPostmortem', () => {
  it('recognises the built-in template and its H1 spellings', () => {
    assert.equal(isPostmortem(builtinTemplateText), true);
    for (const h1 of ['# Post-Mortem: DB outage', '# Postmortem - DNS', '# post-mortem', '# Post Mortem: x', '#   Postmortem ##']) {
      assert.equal(isPostmortem(`${h1}\n\nText.\n`), true, h1);
    }
  });

  it('recognises a setext H1 and an H1 after front matter, with CRLF and a BOM', () => {
    assert.equal(isPostmortem('Postmortem: cache stampede\r\n===\r\n\r\nBody\r\n'), true);
    assert.equal(isPostmortem('\ufeff---\r\ntitle: x\r\n---\r\n# Post-Mortem: x\r\n'), true);
  });

  it('recognises front matter that says so', () => {
    assert.equal(isPostmortem('---\ntype: postmortem\n---\n# Checkout outage\n'), true);
    assert.equal(isPostmortem('---\nkind: "post-mortem"\n---\nNo heading at all.\n'), true);
    assert.equal(isPostmortem('---\ntags: [incident, postmortem]\n---\n# Checkout outage\n'), true);
    assert.equal(isPostmortem('---\ntags:\n  - sre\n  - post-mortem\n---\n# Checkout outage\n'), true);
  });

  it('rejects other Markdown', () => {
    for (const text of [
      '',
      '# README\n\nPostmortem Kit lints post-mortems.\n',
      '## Post-Mortem: only an H2\n',
      '# Incident review\n\n# Post-Mortem: a second H1 does not count\n',
      '```md\n# Post-Mortem: inside a code fence\n```\n# Notes\n',
      '#Postmortem without a space is a paragraph\n',
      '---\ntype: runbook\ntitle: Postmortem process\n---\n# Runbook\n',
      '---\nunclosed: front matter\n# Notes\n',
      'Postmortems are fun\n---\n',
    ]) {
      assert.equal(isPostmortem(text), false, JSON.stringify(text));
    }
  });

  it('is linear: a 2 MB document without an H1 is answered quickly', () => {
    const text = 'plain line of text\n'.repeat(110_000);
    const start = performance.now();
    assert.equal(isPostmortem(text), false);
    assert.ok(performance.now() - start < 500);
  });

  it("reads the built-in title prefix from the template's own H1, as the template model does", () => {
    assert.equal(builtinTitlePrefix(), builtinTemplate().titlePrefix);
    for (const text of ['# Postmortem - DNS\n', '# Incident review\n', '---\ntype: postmortem\n---\n# x\n']) {
      assert.equal(isPostmortem(text, builtinTemplate()), isPostmortem(text), text);
    }
  });
});

describe("isPostmortem with a team template: the H1 starts with the template's title prefix", () => {
  const team = buildTemplateModel('# Incident Review: [Title]\n\n## Overview\n\n**Owner:** [Name]\n');

  it('recognises its words, in any case, hyphenated or joined', () => {
    for (const h1 of ['# Incident Review: Queue stalled', '# incident-review - DNS', '# IncidentReview', 'Incident Review\n===']) {
      assert.equal(isPostmortem(`${h1}\n\nText.\n`, team), true, h1);
    }
  });

  it('not the built-in words, nor a longer word; front matter still says so', () => {
    assert.equal(isPostmortem('# Post-Mortem: x\n', team), false);
    assert.equal(isPostmortem('# Incident Reviews of 2025\n', team), false);
    assert.equal(isPostmortem('# Incident\n', team), false);
    assert.equal(isPostmortem('---\ntype: postmortem\n---\n# Checkout outage\n', team), true);
  });

  it("a title prefix with other separators and letters: the template's separator is accepted", () => {
    const german = buildTemplateModel('# Störungsbericht / Nachbetrachtung: [Titel]\n');
    assert.equal(isPostmortem('# Störungsbericht / Nachbetrachtung: Zahlungen\n', german), true);
    assert.equal(isPostmortem('# störungsbericht-nachbetrachtung\n', german), true);
    assert.equal(isPostmortem('# Störungsberichte\n', german), false);
  });

  it('a template whose title starts with a placeholder: the built-in words', () => {
    const untitled = buildTemplateModel('# [Incident Title]\n\n## Overview\n');
    assert.equal(untitled.titlePrefix, '');
    assert.equal(isPostmortem('# Post-Mortem: x\n', untitled), true);
    assert.equal(isPostmortem('# Notes\n', untitled), false);
  });

  it('by its sections: at least half of the template\'s top-level sections, in the author\'s words and levels', () => {
    const dfds = buildTemplateModel('# Incident Title\n\n## Summary\n\n## Timeline\n\n## Contributing Factors\n\n## Action Items\n\n## Lessons Learned\n');
    const written = '# Total node failure\n\n## Summary\n\nx\n\n## Timeline\n\n- 10:00 y\n\n## Contributing factors\n\n## Follow-up\n';
    assert.equal(recognizePostmortem(written, dfds), 'sections');
    assert.equal(recognizePostmortem('# Release notes\n\n## Summary\n\n## Changes\n', dfds), undefined, '1 of 5');
    assert.equal(recognizePostmortem('# Total node failure\n\n```\n## Summary\n## Timeline\n## Contributing Factors\n```\n', dfds), undefined, 'headings in code do not count');
    assert.equal(recognizePostmortem('Summary\n-------\n\nTimeline\n--------\n\nLessons learnt\n==============\n', dfds), 'sections', 'setext headings; the first H1 is a title only when it comes first');
    assert.equal(recognizePostmortem('# Post-Mortem: x\n'), 'title');
    assert.equal(recognizePostmortem('---\ntype: postmortem\n---\n# x\n'), 'front-matter');
  });
});
