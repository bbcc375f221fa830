// The report formats of `postmortem lint`: stylish (and its colours), compact, github workflow commands,
// JUnit XML (validated by libxml2, xmllint-wasm, against the JUnit schema CI servers read), GitLab Code
// Quality and SARIF fingerprints.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripVTControlCharacters } from 'node:util';
import { validateXML } from 'xmllint-wasm';
import { builtinTemplateText, type Finding } from '../../src/core/index';
import { fingerprints, formatCodeQuality, formatCompact, formatGithub, formatJunit, formatStylish, useColor } from '../../src/cli/formats';
import { FINGERPRINT_KEY, toSarif } from '../../src/cli/sarif';
import { cliWith, json, missingDetection, only, workspace } from './cliWorkspace';

function finding(file: string, line: number, severity: Finding['severity'], ruleId: string, message: string, endLine = line): Finding {
  return { file, ruleId, severity, message, line, column: 3, endLine, endColumn: 9, offset: 0, endOffset: 6 };
}

const findings: Finding[] = [
  finding('docs/a.md', 12, 'error', 'metadata', 'Invalid Date "2026-02-30": expected a real calendar date.'),
  finding('docs/a.md', 7, 'warning', 'placeholder', 'Unfilled placeholder "[Name]": replace it, 100% & <soon>.'),
  finding('docs/b, c.md', 1, 'info', 'blameless', 'Line one\nline two: "quoted"', 3),
];

/**
 * The JUnit XML schema CI servers read (Jenkins' junit plugin, GitLab, Azure): testsuites > testsuite >
 * testcase, a testcase holding any number of failure, error, skipped, system-out and system-err.
 */
const JUNIT_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:complexType name="problem" mixed="true">
    <xs:attribute name="message" type="xs:string"/>
    <xs:attribute name="type" type="xs:string"/>
  </xs:complexType>
  <xs:element name="testsuites">
    <xs:complexType>
      <xs:sequence><xs:element ref="testsuite" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
      <xs:attribute name="name" type="xs:string"/>
      <xs:attribute name="time" type="xs:decimal"/>
      <xs:attribute name="tests" type="xs:nonNegativeInteger"/>
      <xs:attribute name="failures" type="xs:nonNegativeInteger"/>
      <xs:attribute name="errors" type="xs:nonNegativeInteger"/>
      <xs:attribute name="disabled" type="xs:nonNegativeInteger"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testsuite">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="properties" minOccurs="0">
          <xs:complexType><xs:sequence><xs:element name="property" minOccurs="0" maxOccurs="unbounded">
            <xs:complexType><xs:attribute name="name" type="xs:string" use="required"/><xs:attribute name="value" type="xs:string" use="required"/></xs:complexType>
          </xs:element></xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="testcase" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:choice minOccurs="0" maxOccurs="unbounded">
              <xs:element name="skipped" type="problem"/>
              <xs:element name="error" type="problem"/>
              <xs:element name="failure" type="problem"/>
              <xs:element name="system-out" type="xs:string"/>
              <xs:element name="system-err" type="xs:string"/>
            </xs:choice>
            <xs:attribute name="name" type="xs:string" use="required"/>
            <xs:attribute name="classname" type="xs:string"/>
            <xs:attribute name="time" type="xs:decimal"/>
            <xs:attribute name="assertions" type="xs:nonNegativeInteger"/>
            <xs:attribute name="status" type="xs:string"/>
          </xs:complexType>
        </xs:element>
        <xs:element name="system-out" type="xs:string" minOccurs="0"/>
        <xs:element name="system-err" type="xs:string" minOccurs="0"/>
      </xs:sequence>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="tests" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="failures" type="xs:nonNegativeInteger"/>
      <xs:attribute name="errors" type="xs:nonNegativeInteger"/>
      <xs:attribute name="skipped" type="xs:nonNegativeInteger"/>
      <xs:attribute name="disabled" type="xs:nonNegativeInteger"/>
      <xs:attribute name="time" type="xs:decimal"/>
      <xs:attribute name="timestamp" type="xs:dateTime"/>
      <xs:attribute name="hostname" type="xs:string"/>
      <xs:attribute name="id" type="xs:string"/>
      <xs:attribute name="package" type="xs:string"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;

async function assertValidJunit(xml: string): Promise<void> {
  const result = await validateXML({ xml: { fileName: 'report.xml', contents: xml }, schema: { fileName: 'junit.xsd', contents: JUNIT_XSD } });
  assert.ok(result.valid, result.errors.map((e) => e.rawMessage).join('\n'));
}

describe('--format stylish', () => {
  it('groups by file, aligns line:column, severity, message and rule, a blank line after each file', () => {
    const out = formatStylish(findings, false);
    assert.equal(
      out,
      'docs/a.md\n' +
        '  12:3  error    Invalid Date "2026-02-30": expected a real calendar date.  metadata\n' +
        '  7:3   warning  Unfilled placeholder "[Name]": replace it, 100% & <soon>.  placeholder\n' +
        '\n' +
        'docs/b, c.md\n' +
        '  1:3  info  Line one\nline two: "quoted"  blameless\n' +
        '\n',
    );
  });

  it('colours severities only when asked; stripped of them, the text is the same', () => {
    const coloured = formatStylish(findings, true);
    assert.notEqual(coloured, formatStylish(findings, false));
    assert.ok(coloured.includes('\u001b[31merror'));
    assert.ok(coloured.includes('\u001b[33mwarning'));
    assert.equal(stripVTControlCharacters(coloured), formatStylish(findings, false));
  });

  it('colours follow NO_COLOR, FORCE_COLOR and the terminal', () => {
    assert.equal(useColor({}, true), true);
    assert.equal(useColor({}, false), false);
    assert.equal(useColor({ NO_COLOR: '1' }, true), false);
    assert.equal(useColor({ NO_COLOR: '' }, true), true, 'an empty NO_COLOR does not count (no-color.org)');
    assert.equal(useColor({ FORCE_COLOR: '1' }, false), true);
    assert.equal(useColor({ FORCE_COLOR: '0' }, true), false);
    assert.equal(useColor({ FORCE_COLOR: '1', NO_COLOR: '1' }, false), true, 'FORCE_COLOR wins, as in Node');
    assert.equal(useColor({ TERM: 'dumb' }, true), false);
  });

  it('is the default, through run(); the summary comes last, on stderr', () => {
    const root = workspace({ '.postmortemrc.json': json(only('missing-section')), 'pm.md': missingDetection });
    const r = cliWith({ color: true }, root, 'lint', 'pm.md');
    assert.match(stripVTControlCharacters(r.stdout), /^pm\.md\n {2}\d+:1 {2}warning {2}Missing section "## Detection".* {2}missing-section\n\n$/);
    assert.ok(r.stdout.includes('\u001b['));
    assert.equal(r.stderr, '0 errors, 1 warning, 0 info in 1 file\n');
  });
});

describe('--format compact', () => {
  it('is one line a finding, file:line:column severity rule message', () => {
    assert.equal(formatCompact(findings.slice(0, 1)), 'docs/a.md:12:3 error metadata Invalid Date "2026-02-30": expected a real calendar date.\n');
  });
});

describe('--format github', () => {
  it('writes one workflow command a finding, escaped as the runner reads them', () => {
    assert.deepEqual(formatGithub(findings).split('\n'), [
      '::error file=docs/a.md,line=12,endLine=12,col=3,endColumn=9,title=postmortem metadata::Invalid Date "2026-02-30": expected a real calendar date.',
      '::warning file=docs/a.md,line=7,endLine=7,col=3,endColumn=9,title=postmortem placeholder::Unfilled placeholder "[Name]": replace it, 100%25 & <soon>.',
      // Multi-line: no columns; the comma in the file name and the newline in the message are escaped.
      '::notice file=docs/b%2C c.md,line=1,endLine=3,title=postmortem blameless::Line one%0Aline two: "quoted"',
      '',
    ]);
  });
});

describe('--format junit', () => {
  it('is valid against the JUnit schema: one testcase per file, a failure per error, the rest in system-out', async () => {
    const xml = formatJunit(findings, ['docs/a.md', 'docs/b, c.md', 'docs/clean.md']);
    await assertValidJunit(xml);
    assert.match(xml, /<testsuites name="postmortem" tests="3" failures="1" errors="0">/);
    assert.equal(xml.match(/<testcase /g)?.length, 3);
    assert.equal(xml.match(/<failure /g)?.length, 1);
    assert.match(xml, /<testcase classname="postmortem" name="docs\/clean\.md" time="0"\/>/);
    assert.match(xml, /<failure message="metadata: Invalid Date &quot;2026-02-30&quot;: expected a real calendar date\." type="metadata">/);
    assert.match(xml, /<system-out>docs\/a\.md:7:3 warning placeholder Unfilled placeholder &quot;\[Name\]&quot;: replace it, 100% &amp; &lt;soon&gt;\.<\/system-out>/);
  });

  it('stays valid with characters XML cannot hold, and with no files', async () => {
    await assertValidJunit(formatJunit([finding('x.md', 1, 'error', 'metadata', 'bad \u0001 byte \uFFFE')], ['x.md']));
    await assertValidJunit(formatJunit([], []));
  });

  it('the schema rejects what it should (the check is not vacuous)', async () => {
    const result = await validateXML({ xml: { fileName: 'bad.xml', contents: '<testsuites><testsuite name="x"><testcase/></testsuite></testsuites>' }, schema: { fileName: 'junit.xsd', contents: JUNIT_XSD } });
    assert.equal(result.valid, false);
  });

  it('through run(): the linted files are the testcases', async () => {
    const root = workspace({ '.postmortemrc.json': json(only('missing-section', 'error')), 'a.md': missingDetection, 'b.md': builtinTemplateText });
    const r = cliWith({}, root, 'lint', '-f', 'junit', 'a.md', 'b.md');
    assert.equal(r.code, 1);
    await assertValidJunit(r.stdout);
    assert.match(r.stdout, /tests="2" failures="1"/);
  });
});

describe('--format codequality and fingerprints', () => {
  it('is a GitLab Code Quality report: description, check_name, severity, location, fingerprint', () => {
    const issues = JSON.parse(formatCodeQuality(findings)) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number; end: number } } }[];
    assert.deepEqual(
      issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin, i.location.lines.end]),
      [
        ['metadata', 'major', 'docs/a.md', 12, 12],
        ['placeholder', 'minor', 'docs/a.md', 7, 7],
        ['blameless', 'info', 'docs/b, c.md', 1, 3],
      ],
    );
    assert.ok(issues.every((i) => /^[0-9a-f]{64}$/.test(i.fingerprint)));
  });

  it('fingerprints are unique within a report and survive lines moving', () => {
    const twice = [findings[1] as Finding, { ...(findings[1] as Finding), line: 30, endLine: 30 }];
    const prints = fingerprints([...findings, ...twice.slice(1)]);
    assert.equal(new Set(prints).size, prints.length, 'a repeated finding gets its own fingerprint');
    const moved = findings.map((f) => ({ ...f, line: f.line + 5, endLine: f.endLine + 5 }));
    assert.deepEqual(fingerprints(moved), fingerprints(findings));
  });

  it('SARIF results carry the same fingerprints in partialFingerprints', () => {
    const log = toSarif(findings, { cwd: '/work', errors: [], notes: [] });
    assert.deepEqual(
      log.runs[0]?.results?.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]),
      fingerprints(findings),
    );
  });
});
