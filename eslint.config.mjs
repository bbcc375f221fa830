// ESLint (flat config): typescript-eslint's recommended rules, and the layer boundaries of src/
// (src/core imports neither `vscode` nor Node built-ins, so it runs in a web worker too).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

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
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'vscode'].map((name) => ({ name, message: 'src/core is pure: no Node built-ins and no vscode (it also runs in a web worker).' })),
        },
      ],
    },
  },
  {
    // The adapters reach the core through its one door, src/core/index.ts (test/unit/purity.test.ts
    // checks the layers inside src/core the same way).
    files: ['src/cli/**/*.ts', 'src/vscode/**/*.ts'],
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
