// ESLint (flat config): typescript-eslint's recommended rules, and the layer boundaries of src/
// (src/core imports neither `vscode` nor Node built-ins, so it runs in a web worker too).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const corePaths = [...nodeBuiltins, 'vscode'].map((name) => ({ name, message: 'src/core is pure: no Node built-ins and no vscode (it also runs in a web worker).' }));

// What each layer of src/core may import besides itself (types.ts, a file at the top, is always allowed).
const LAYER_IMPORTS = {
  markdown: [],
  template: ['markdown'],
  postmortem: ['template', 'markdown', 'generated'],
  rules: ['postmortem', 'template', 'markdown', 'generated'],
  engine: ['rules', 'postmortem', 'template', 'markdown', 'generated'],
  authoring: ['postmortem', 'template', 'markdown'],
  report: ['engine', 'rules', 'postmortem', 'template', 'markdown', 'generated'],
  generated: ['postmortem'],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test*/**', 'src/core/generated/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `\[` inside a character class reads as the bracket it matches; the escape is harmless.
      'no-useless-escape': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read JSON (schemas, SARIF) whose shape is the thing under test.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // src/core: pure, and its layers import only downward (test/unit/purity.test.ts checks the same graph):
  // engine -> rules -> postmortem -> template -> markdown; authoring -> postmortem / template / markdown;
  // report -> engine and below.
  ...Object.entries(LAYER_IMPORTS).map(([layer, allowed]) => ({
    files: [`src/core/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: corePaths,
          patterns: [
            {
              regex: `^\\.\\./(?!(?:${[...allowed, 'types'].join('|')})(?:/|$))[a-z]+(?:/|$)`,
              message: `src/core/${layer} may import ${allowed.length ? `only ${allowed.join(', ')} (and types.ts)` : 'only types.ts'} from the rest of src/core: the layers import downward.`,
            },
            // rules/index.ts is the registry: the one file that imports every rule.
            ...(layer === 'rules'
              ? [{ regex: '^\\./(?!rule$)', message: 'A rule never imports another rule: move what they share to postmortem/ or template/.' }]
              : []),
          ],
        },
      ],
    },
  })),
  {
    files: ['src/core/rules/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: corePaths }] },
  },
  {
    files: ['src/core/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: corePaths }] },
  },
  {
    // The adapters (and src/beads, the Node side of the Beads data) reach the core through its one door,
    // src/core/index.ts (test/unit/purity.test.ts checks the layers inside src/core the same way).
    files: ['src/cli/**/*.ts', 'src/vscode/**/*.ts', 'src/beads/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+core/(?!index$)',
              message: 'Import from src/core/index.ts, the only door into the core.',
            },
          ],
        },
      ],
    },
  },
);
