import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';

// A server holds in its heap every module it imports: date-fns' index brings all ~250 of its
// functions into each subgraph, so servers import each function from its own module.
const wholeDateFns = {
  name: 'date-fns',
  message: "Import each function from its own module: 'date-fns/addDays'.",
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // type-graphql and TypeORM describe schemas with classes whose fields are filled by decorators.
      '@typescript-eslint/no-extraneous-class': 'off',
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    files: ['services/**/*.ts', 'packages/**/*.ts', 'gateway/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [wholeDateFns] }] },
  },
  {
    // A later block's options replace an earlier one's for the same rule, so date-fns again.
    files: ['services/ledger/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [wholeDateFns],
          patterns: [
            {
              group: ['**/tax-form-pdf.rules.js'],
              allowTypeImports: true,
              message:
                'pdf-lib is megabytes that only a filing run needs: import() the renderer where a form is made.',
            },
          ],
        },
      ],
    },
  },
);
