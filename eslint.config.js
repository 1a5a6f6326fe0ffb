// Lint and layering rules. Layers (ARCHITECTURE.md): catalogue → db → sync → search → stores → composables →
// components → views. A lower layer never imports a higher one.
import js from '@eslint/js'
import stylistic from '@stylistic/eslint-plugin'
import jsonc from 'eslint-plugin-jsonc'
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

/** Relative paths to a folder, from a file up to `levels` folders below its parent, as import patterns. */
const pathsTo = (folder, levels) => Array.from({ length: levels }, (_, i) => '../'.repeat(i + 1) + folder)
  .flatMap(path => [path, `${path}/**`])

/** Nothing in src/ imports tools/: the app never ships a command-line tool. */
const noTools = { group: pathsTo('tools', 4), message: 'src/ must not import from tools/.' }

/**
 * The search-segment builder is for tools and for rare rebuilds: in src/ it is loaded by `import()` only, so
 * the start-up bundle cannot grow by its weight by accident. Type imports are erased and allowed.
 */
const noStaticBuilder = {
  group: ['**/segmentBuilder', './segmentBuilder'],
  allowTypeImports: true,
  message: 'Load the segment builder with import(): it must stay out of the start-up code (CONTRIBUTING.md).',
}

const srcRules = [...Object.entries(forbidden), ['views', []], ['styles', []]].map(([layer, banned]) => ({
  files: [`src/${layer}/**/*.{ts,vue}`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        // Relative paths from src/<layer>/ (and one or two folders below it) to src/<banned>.
        ...banned.map(b => ({
          group: [...pathsTo(b, 3), `@/${b}`, `@/${b}/**`],
          message: `src/${layer} must not import from src/${b} (see ARCHITECTURE.md, Layout).`,
        })),
        noTools,
        noStaticBuilder,
      ],
    }],
  },
}))

/** Command-line tools use the app's pure layers; the benchmarks also measure its database and its sync. */
const toolRules = [
  { files: ['tools/**/*.ts'], ignores: ['tools/bench/**'], banned: ['db', 'sync', 'stores', 'composables', 'components', 'views', 'i18n', 'pwa'] },
  { files: ['tools/bench/**/*.ts'], banned: ['stores', 'composables', 'components', 'views', 'i18n', 'pwa'] },
].map(({ files, ignores, banned }) => ({
  files,
  ...(ignores ? { ignores } : {}),
  rules: {
    'no-restricted-imports': ['error', {
      patterns: banned.map(b => ({
        group: pathsTo(`src/${b}`, 4),
        message: `tools/ must not import from src/${b}: tools use src/catalogue and src/search (benchmarks also src/db and src/sync).`,
      })),
    }],
  },
}))

const layerRules = [
  ...srcRules,
  { files: ['src/*.{ts,vue}'], rules: { 'no-restricted-imports': ['error', { patterns: [noTools, noStaticBuilder] }] } },
  ...toolRules,
]

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
      // Nothing declared and unused in a component: props, template refs, emits; every emit declared.
      'vue/no-unused-properties': ['error', { groups: ['props'] }],
      'vue/no-unused-refs': 'error',
      'vue/no-unused-emit-declarations': 'error',
      'vue/require-explicit-emits': 'error',
      'vue/no-useless-v-bind': 'error',
      'vue/multi-word-component-names': 'error',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error',
        { selector: 'CallExpression[callee.name="eval"]', message: 'No eval: the Content-Security-Policy forbids it.' },
        // One import style: modules by name, without `.ts` (vite, vitest and tsx all resolve them).
        ...['ImportDeclaration', 'ImportExpression', 'ExportAllDeclaration', 'ExportNamedDeclaration'].map(node => ({
          selector: `${node} > Literal.source[value=/^[.].*[.]ts$/]`,
          message: 'Import modules without the .ts extension (CONTRIBUTING.md).',
        })),
      ],
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
  // Formatting is a lint rule: `npm run lint -- --fix` formats.
  stylistic.configs.customize({ indent: 2, quotes: 'single', semi: false, braceStyle: 'stroustrup', commaDangle: 'always-multiline', arrowParens: false }),
  {
    rules: {
      // A one-line callback (`() => { shown.value = true }`) is house style; a table of letters may quote every key.
      '@stylistic/max-statements-per-line': 'off',
      '@stylistic/quote-props': ['error', 'consistent'],
    },
  },
  ...layerRules,
  {
    // Messages: keys sorted (code-unit order, as `Array.prototype.sort`), so files diff and merge cleanly.
    files: ['locales/**/*.json'],
    plugins: { jsonc },
    language: 'jsonc/x',
    // No-break spaces in messages are meant ("125 %" in French).
    rules: { 'jsonc/sort-keys': ['error', 'asc', { caseSensitive: true, natural: false }], 'no-irregular-whitespace': 'off' },
  },
)
