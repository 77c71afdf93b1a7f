import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import areaBoundaries from './eslint-rules/area-boundaries.js';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'src/api/schema.d.ts'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Each area under src/pages/ plugs itself in and shares only through src/lib/ and
    // src/components/ (see eslint-rules/area-boundaries.js).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { forecourt: { rules: { 'area-boundaries': areaBoundaries } } },
    rules: { 'forecourt/area-boundaries': 'error' },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js', 'eslint-rules/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
);
