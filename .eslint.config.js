// ESLint flat config (kept as a dotfile so the repo's top level stays as the product card lists it;
// `npm run lint` passes it with -c).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Chinese text in fixtures and tests uses the ideographic space (U+3000) on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page text is untrusted: never hand it to the HTML parser.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render page text as text.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Render page text as text.' },
        { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'Render page text as text.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render page text as text.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
  },
);
