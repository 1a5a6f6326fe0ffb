// Lint and layering rules. Layers (ARCHITECTURE.md): catalogue → db → sync → search → stores → composables →
// components → views. A lower layer never imports a higher one.
import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** For each layer, the folders it must not import from. */
const forbidden = {
  catalogue: ['db', 'sync', 'search', 'stores', 'composables', 'components', 'views', 'i18n', 'pwa'],
  db: ['sync', 'search', 'stores', 'composables', 'components', 'views', 'i18n', 'pwa'],
  sync: ['search', 'stores', 'composables', 'components', 'views', 'i18n', 'pwa'],
  search: ['db', 'sync', 'stores', 'composables', 'components', 'views', 'i18n', 'pwa'],
  stores: ['composables', 'components', 'views'],
  composables: ['components', 'views', 'sync'],
  components: ['db', 'sync', 'stores', 'views'],
  i18n: ['db', 'sync', 'search', 'stores', 'composables', 'components', 'views'],
  pwa: ['db', 'sync', 'search', 'stores', 'composables', 'components', 'views'],
}

const layerRules = Object.entries(forbidden).map(([layer, banned]) => ({
  files: [`src/${layer}/**/*.{ts,vue}`],
  rules: {
    // Type-only imports are allowed: a component's props type may name the shape a composable builds.
    'no-restricted-imports': ['error', {
      // Relative paths from src/<layer>/ (and one or two folders below it) to src/<banned>.
      patterns: banned.map(b => ({
        group: [1, 2, 3].flatMap(depth => [`${'../'.repeat(depth)}${b}`, `${'../'.repeat(depth)}${b}/**`]).concat([`@/${b}`, `@/${b}/**`]),
        message: `src/${layer} must not import from src/${b} (see ARCHITECTURE.md, Layout).`,
        allowTypeImports: true,
      })),
    }],
  },
}))

export default tseslint.config(
  { ignores: ['dist/**', 'public/feed/**', 'node_modules/**', '.cache/**', 'coverage/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'vue/block-lang': ['error', { script: { lang: 'ts' } }],
      'vue/component-api-style': ['error', ['script-setup']],
      'vue/define-props-declaration': ['error', 'type-based'],
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'error',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.name="eval"]', message: 'No eval: the Content-Security-Policy forbids it.' }],
    },
  },
  {
    files: ['src/views/**/*.vue', 'src/App.vue'],
    rules: { 'vue/multi-word-component-names': 'off' },
  },
  {
    // A function does one thing: past 60 lines of code, split it into named steps; past four parameters, take an
    // options object (CONTRIBUTING.md). Tests are exempt: a describe block is a list, not a function to read
    // top-down.
    files: ['src/**/*.{ts,vue}', 'tools/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'max-params': ['error', 4],
    },
  },
  ...layerRules,
)
