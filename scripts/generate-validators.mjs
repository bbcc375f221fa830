// The JSON Schemas and their precompiled validators (ajv standalone: no code generation at run time,
// so the core runs in a web worker under a CSP that forbids `new Function`):
//   schemas/postmortemrc.schema.json            <- every rule module in src/core/rules/index.ts
//   src/core/generated/configValidator.js/.d.ts <- schemas/postmortemrc.schema.json
//   src/core/generated/metadataValidator.js/.d.ts <- schemas/postmortem-metadata.schema.json (hand-written)
// Called by scripts/generate.mjs, which writes the files (or, with --check, reports stale ones).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import * as esbuild from 'esbuild';

const SEVERITIES = ['off', 'info', 'warning', 'error'];

// The rule modules are TypeScript: bundle them in memory and import the bundle. Imports of the
// generated validators are stubbed, so a missing or stale validator cannot stop its own regeneration.
async function loadCore(root) {
  const entry = [
    "export { rules } from './src/core/rules/index';",
    "export { fixKindsNote } from './src/core/rules/rule';",
    "export { metadataFormats } from './src/core/postmortem/metadataFormats';",
    existsSync(join(root, 'src/core/postmortem/status.ts'))
      ? "export { DEFAULT_STRICTNESS } from './src/core/postmortem/status';"
      : 'export const DEFAULT_STRICTNESS = undefined;',
  ].join('\n');
  const stubGenerated = {
    name: 'stub-generated-validators',
    setup(build) {
      build.onResolve({ filter: /(^|[\\/])generated[\\/]/ }, (args) => ({ path: args.path, namespace: 'generated-stub' }));
      build.onLoad({ filter: /.*/, namespace: 'generated-stub' }, () => ({
        contents: 'export default function validate() { return true; }',
        loader: 'js',
      }));
    },
  };
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'generate-validators-entry.ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
    plugins: [stubGenerated],
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const clone = (value) => JSON.parse(JSON.stringify(value));

// A reference, so the validator checks severities in one function instead of once per rule.
function severitySchema(description) {
  return { $ref: '#/definitions/severity', description };
}

// Descriptions, titles and defaults are for editors; the validator embeds its schema, so leave them out.
const ANNOTATIONS = new Set(['description', 'title', 'default', 'examples', '$comment']);
const SCHEMA_MAPS = new Set(['properties', 'definitions', 'patternProperties', 'dependencies']);

function withoutAnnotations(schema) {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === 'enum' || key === 'const') out[key] = value; // values, not schemas
    else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutAnnotations(sub)]));
    } else out[key] = withoutAnnotations(value);
  }
  return out;
}

function optionsSchemaOf(rule) {
  const schema = clone(rule.optionsSchema ?? { type: 'object' });
  schema.description ??= `Options of ${rule.id}.`;
  // Editors show the defaults the rule really uses.
  for (const [name, value] of Object.entries(rule.defaultOptions ?? {})) {
    const property = schema.properties?.[name];
    if (property && typeof property === 'object' && !('default' in property)) property.default = value;
  }
  return schema;
}

function ruleSettingSchema(rule, fixKindsNote) {
  const note = fixKindsNote(rule);
  return {
    description: `${rule.description} Default: ${rule.defaultSeverity}.${note ? ` ${note}` : ''}`,
    default: rule.defaultSeverity,
    anyOf: [
      severitySchema(`Severity of ${rule.id} findings; "off" disables the rule.`),
      {
        type: 'object',
        description: `Severity and options of ${rule.id}.`,
        properties: {
          severity: severitySchema(`Severity of ${rule.id} findings (default ${rule.defaultSeverity}); "off" disables the rule.`),
          options: optionsSchemaOf(rule),
        },
        additionalProperties: false,
      },
    ],
  };
}

function configSchema(rules, statuses, defaultStrictness, fixKindsNote) {
  const ruleSettings = {};
  const ruleSeverities = {};
  for (const rule of rules) {
    ruleSettings[rule.id] = ruleSettingSchema(rule, fixKindsNote);
    ruleSeverities[rule.id] = severitySchema(rule.description);
  }
  // One definition for every status keeps the generated validator small (one function, not one per status).
  const severitiesForStatus = (status) => ({
    $ref: '#/definitions/severitiesByRule',
    description: `Rule id -> severity while the document's Status is ${status}.`,
  });
  const strictness = {
    description:
      "Severities by the document's Status (its Summary field or front matter), for the rules that `rules` does not set. false turns status-based strictness off.",
    anyOf: [
      { type: 'boolean', const: false, description: 'No status-based strictness: every rule uses its `rules` entry or its default.' },
      {
        type: 'object',
        description: 'Status -> rule id -> severity. Replaces the default table.',
        properties: Object.fromEntries(statuses.map((s) => [s, severitiesForStatus(s)])),
        additionalProperties: severitiesForStatus('this one'),
      },
    ],
  };
  if (defaultStrictness !== undefined) strictness.default = clone(defaultStrictness);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: 'GENERATED by scripts/generate.mjs from the rule modules (src/core/rules): do not edit.',
    title: 'Postmortem Kit configuration (.postmortemrc.json)',
    description: 'Which rules run, how severe their findings are, their options, files to skip, and the team template.',
    type: 'object',
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema of this file, for editors.' },
      rules: {
        type: 'object',
        description: 'Rule id -> a severity ("off", "info", "warning", "error"), or { "severity", "options" }. Rules not listed use their defaults.',
        properties: ruleSettings,
        additionalProperties: false,
      },
      ignore: {
        type: 'array',
        description: 'Globs of files the CLI skips.',
        items: { type: 'string' },
      },
      strictness,
      template: {
        type: 'string',
        description: "Path of the team's post-mortem template (Markdown), relative to this file. Default: the built-in template.",
      },
      aliases: {
        type: 'object',
        description:
          'Template section title -> other headings that mean the same section, e.g. { "Root Cause": ["Why it happened"] }. Matched as titles are (case, punctuation, plurals and spelling aside), at the level of the template section.',
        additionalProperties: {
          type: 'array',
          description: 'Other headings of this section.',
          items: { type: 'string', pattern: '\\S' },
        },
      },
    },
    additionalProperties: false,
    definitions: {
      severity: { type: 'string', enum: SEVERITIES },
      severitiesByRule: { type: 'object', properties: ruleSeverities, additionalProperties: false },
    },
  };
}

function declaration(header, what) {
  return `${header}// ${what}, precompiled by ajv standalone (see scripts/generate-validators.mjs).
import type { ErrorObject } from 'ajv';

declare const validate: {
  (data: unknown): boolean;
  /** The problems found by the last call (null when it passed). */
  errors?: ErrorObject[] | null;
};
export default validate;
`;
}

function compile(ajv, schema, name) {
  try {
    return standaloneCode(ajv, ajv.compile(schema));
  } catch (error) {
    throw new Error(`cannot compile ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export default async function generateValidators(root, header) {
  const core = await loadCore(root);
  const rules = core.rules;
  const ids = new Set();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new Error(`rule id ${rule.id} is registered twice in src/core/rules/index.ts`);
    ids.add(rule.id);
    for (const meta of ['fixable', 'hasSuggestions']) {
      if (typeof rule[meta] !== 'boolean') throw new Error(`rule ${rule.id} does not say whether it is ${meta} (a boolean)`);
    }
  }

  const metadataSchema = JSON.parse(readFileSync(join(root, 'schemas/postmortem-metadata.schema.json'), 'utf8'));
  const statuses = metadataSchema.properties?.status?.enum ?? [];
  const rcSchema = configSchema(rules, statuses, core.DEFAULT_STRICTNESS, core.fixKindsNote);

  // Formats are referenced, not inlined: the generated code requires src/core/postmortem/metadataFormats.ts.
  const formatsCode = _`require("../postmortem/metadataFormats").metadataFormats`;
  const options = { allErrors: true, strict: true, inlineRefs: false, formats: core.metadataFormats };
  const configAjv = new Ajv({ ...options, verbose: false, code: { source: true, lines: true, formats: formatsCode } });
  const metadataAjv = new Ajv({ ...options, code: { source: true, lines: true, formats: formatsCode } });

  const rcText = `${JSON.stringify(rcSchema, null, 2)}\n`;
  return [
    ['schemas/postmortemrc.schema.json', rcText],
    [
      'src/core/generated/configValidator.js',
      `${header}// Validates .postmortemrc.json against schemas/postmortemrc.schema.json.\n${compile(configAjv, withoutAnnotations(rcSchema), 'postmortemrc.schema.json')}\n`,
    ],
    ['src/core/generated/configValidator.d.ts', declaration(header, 'Validates .postmortemrc.json against schemas/postmortemrc.schema.json')],
    [
      'src/core/generated/metadataValidator.js',
      `${header}// Validates post-mortem metadata against schemas/postmortem-metadata.schema.json.\n${compile(metadataAjv, withoutAnnotations(metadataSchema), 'postmortem-metadata.schema.json')}\n`,
    ],
    ['src/core/generated/metadataValidator.d.ts', declaration(header, 'Validates post-mortem metadata against schemas/postmortem-metadata.schema.json')],
  ];
}
