// Lint: TypeScript strict rules plus the layer boundaries of ../shared/CONVENTIONS.md, enforced
// with no-restricted-imports so CI catches a layer violation: only src/main/electron and
// src/preload may import 'electron'; shared imports nothing of ours; the renderer only shared.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronBan = {
  name: 'electron',
  message: "Only src/main/electron/ and src/preload/ may import 'electron'.",
};
const nodeOnlyDeps = ['better-sqlite3', 'iconv-lite', 'jschardet'].map((name) => ({
  name,
  message: `${name} runs in the main process or worker only.`,
}));

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      '.electron-native/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-restricted-imports': ['error', { paths: [electronBan] }],
    },
  },
  {
    files: [
      'src/main/electron/**/*.ts',
      'src/preload/**/*.ts',
      'test/unit/main/electron/**/*.ts',
      'test/e2e/electron/**/*.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan, ...nodeOnlyDeps],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**', '**/web/**'],
              message: 'src/shared imports nothing of ours.',
            },
            {
              group: ['node:*'],
              message:
                'src/shared runs in every process, the renderer included: no Node built-ins.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            {
              group: ['**/renderer/**', '**/preload/**', '**/cli/**', '**/web/**'],
              message: 'src/main imports shared and main only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            {
              group: ['**/renderer/**', '**/preload/**', '**/main/electron/**'],
              message: 'cli and web import main and shared, never electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan, ...nodeOnlyDeps],
          patterns: [
            {
              group: ['**/main/**', '**/preload/**', '**/cli/**', '**/web/**'],
              message: 'The renderer imports src/shared only.',
            },
            { group: ['node:*'], message: 'The renderer has no Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
