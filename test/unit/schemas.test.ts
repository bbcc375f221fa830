// The JSON Schemas and their precompiled validators: the config schema documents every rule of the
// registry (generated, never stale), the metadata schema matches the built-in template, and the
// validators need no code generation at run time (web worker, CSP).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { CONFIG_SETTINGS } from '../../src/core/engine/configValidation';
import validateMetadata from '../../src/core/generated/metadataValidator.js';
import { builtinTemplate, rules } from '../../src/core/index';
import { isCalendarDate } from '../../src/core/postmortem/metadataFormats';

const root = join(__dirname, '..', '..');
const readJson = (rel: string) => JSON.parse(readFileSync(join(root, rel), 'utf8')) as Record<string, any>;

describe('schemas/postmortemrc.schema.json', () => {
  const schema = readJson('schemas/postmortemrc.schema.json');

  it('is up to date with the rule modules (node scripts/generate.mjs --check)', () => {
    const result = spawnSync(process.execPath, ['scripts/generate.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, `stale generated files:\n${result.stderr}`);
  });

  it('documents every rule of the registry, and nothing else', () => {
    const documented = schema['properties'].rules.properties as Record<string, any>;
    assert.deepEqual(Object.keys(documented), rules.map((r) => r.id));
    for (const rule of rules) {
      const entry = documented[rule.id];
      assert.ok(entry.description.startsWith(rule.description), `${rule.id} has its description`);
      assert.equal(entry.default, rule.defaultSeverity, `${rule.id} has its default severity`);
      const options = entry.anyOf[1].properties.options;
      assert.deepEqual(Object.keys(options.properties ?? {}), Object.keys((rule.optionsSchema['properties'] as object | undefined) ?? {}), `${rule.id} options`);
    }
    const byStatus = schema['definitions'].severitiesByRule.properties as Record<string, unknown>;
    assert.deepEqual(Object.keys(byStatus), rules.map((r) => r.id), 'strictness lists every rule');
  });

  it('says "Fixable with --fix" only for rules that are fixable, and "Quick-fix suggestions" for those that only suggest', () => {
    const documented = schema['properties'].rules.properties as Record<string, any>;
    for (const rule of rules) {
      const description = documented[rule.id].description as string;
      assert.equal(description.includes('Fixable with --fix'), rule.fixable, `${rule.id}: ${description}`);
      assert.equal(/quick-fix suggestions/i.test(description), rule.hasSuggestions, `${rule.id}: ${description}`);
    }
    assert.match(documented['placeholder'].description, /Quick-fix suggestions in the editor \(not applied by --fix\)\.$/);
  });

  it('has the settings configValidation names, and the keys src/config resolves before it (extends, overrides)', () => {
    assert.deepEqual(Object.keys(schema['properties']), [...CONFIG_SETTINGS, 'extends', 'overrides']);
  });

  it('offers the statuses of the metadata schema for strictness', () => {
    const statuses = readJson('schemas/postmortem-metadata.schema.json')['properties'].status.enum;
    assert.deepEqual(Object.keys(schema['properties'].strictness.anyOf[1].properties), statuses);
  });
});

describe('schemas/postmortem-metadata.schema.json', () => {
  const schema = readJson('schemas/postmortem-metadata.schema.json');
  const template = builtinTemplate();

  it('has one property per field of the built-in Summary, titled with its label', () => {
    const properties = schema['properties'] as Record<string, any>;
    assert.deepEqual(Object.keys(properties), template.summaryFields.map((f) => f.name));
    for (const field of template.summaryFields) {
      assert.equal(properties[field.name].title, field.label);
      assert.ok(properties[field.name].description, `${field.name} has a description`);
      if (field.choices) assert.deepEqual(properties[field.name].enum, field.choices, `${field.name} allows the template's choices`);
    }
    assert.deepEqual(schema['required'], template.summaryFields.filter((f) => f.name !== 'reviewers').map((f) => f.name));
  });

  const valid = {
    incidentId: 'INC-1234',
    date: '2026-02-14',
    duration: '1 hour 52 minutes',
    severity: 'SEV2',
    status: 'In Review',
    beadsIssue: 'bd://bd-a1b2',
    author: 'Zoë Ångström',
    incidentCommander: 'Bob Example',
    reviewers: ['Carol Example'],
    title: 'other front matter keys are allowed',
  };

  it('accepts valid metadata', () => {
    assert.equal(validateMetadata(valid), true, JSON.stringify(validateMetadata.errors));
    assert.equal(validateMetadata({ ...valid, beadsIssue: 'N/A', reviewers: 'Carol, Dan', duration: '45m', incidentId: 'SEC2-15' }), true);
  });

  const invalid: [string, unknown, string][] = [
    ['incidentId', 'inc-12', 'pattern'],
    ['incidentId', 'INC-', 'pattern'],
    ['date', '2026-02-30', 'format'],
    ['date', '2025-02-29', 'format'],
    ['date', '14/02/2026', 'format'],
    ['duration', 'about two hours', 'format'],
    ['severity', 'SEV5', 'enum'],
    ['status', 'Done', 'enum'],
    ['beadsIssue', 'BD-42', 'pattern'],
    ['beadsIssue', 'bd://', 'pattern'],
    ['author', '   ', 'pattern'],
    ['severity', ['SEV1'], 'enum type'],
  ];
  for (const [name, value, keyword] of invalid) {
    it(`rejects ${name} ${JSON.stringify(value)} (${keyword})`, () => {
      assert.equal(validateMetadata({ ...valid, [name]: value }), false);
      const errors = validateMetadata.errors ?? [];
      assert.deepEqual(errors.map((e) => e.instancePath), keyword.split(' ').map(() => `/${name}`));
      assert.deepEqual(errors.map((e) => e.keyword).sort(), keyword.split(' '));
    });
  }

  it('requires the fields the Summary must have', () => {
    const { author: _author, date: _date, ...partial } = valid;
    assert.equal(validateMetadata(partial), false);
    assert.deepEqual((validateMetadata.errors ?? []).map((e) => e.params['missingProperty']).sort(), ['author', 'date']);
  });
});

describe('isCalendarDate', () => {
  it('agrees with the calendar for every day from 1899 to 2401', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (let year = 1899; year <= 2401; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 32; day++) {
          const d = new Date(Date.UTC(year, month - 1, day));
          const exists = d.getUTCMonth() === month - 1;
          assert.equal(isCalendarDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`), exists);
        }
      }
    }
  });
  it('wants exactly YYYY-MM-DD', () => {
    for (const text of ['2026-2-14', '2026-02-14T00:00', ' 2026-02-14', '2026-00-10', '2026-02-00', '20260214']) assert.equal(isCalendarDate(text), false, text);
  });
});

describe('precompiled validators', () => {
  it('contain no run-time code generation', () => {
    const dir = join(root, 'src', 'core', 'generated');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(dir, file), 'utf8');
      assert.doesNotMatch(code, /new Function|\beval\(/, file);
    }
  });

  it('let the core bundle for a web worker without new Function or eval', async () => {
    const result = await esbuild.build({
      entryPoints: [join(root, 'src', 'core', 'index.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    assert.ok(code.length > 0);
    assert.doesNotMatch(code, /new Function|\beval\(/);
    assert.doesNotMatch(code, /\brequire\("/, 'every require is bundled');
  });
});
