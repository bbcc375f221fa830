import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinTemplateText } from '../../src/core/index';
import { isPostmortem } from '../../src/core/postmortem/recognize';

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
});
