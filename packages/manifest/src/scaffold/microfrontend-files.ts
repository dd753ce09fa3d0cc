import type { FeatureNames } from './names.js';

/** The files of a new micro-frontend, by path inside its folder: one Vue page for single-spa. */
export function microfrontendFiles(n: FeatureNames): Record<string, string> {
  const page = `${n.pascal}Page`;
  const query = `${n.pascal}Notes`;
  return {
    'package.json': `${JSON.stringify(
      {
        name: `@dash/${n.name}-app`,
        version: '0.1.0',
        private: true,
        type: 'module',
        exports: { './package.json': './package.json' },
        scripts: {
          build: 'vue-tsc -p tsconfig.json && vite build',
          typecheck: 'vue-tsc -p tsconfig.json',
          lint: 'eslint src test',
          test: 'vitest run',
          dev: 'vite build --watch',
        },
        dependencies: { '@dash/web-kit': '*', vue: '^3.5.0' },
        devDependencies: {
          '@dash/testing': '*',
          '@vitejs/plugin-vue': '^6.0.0',
          '@vue/test-utils': '^2.4.6',
          'happy-dom': '^20.0.0',
          vite: '^7.3.0',
          'vue-tsc': '^3.0.0',
        },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `{
  "extends": "../../tsconfig.json",
  "compilerOptions": {
    "module": "ESNext",
    "moduleResolution": "Bundler",
    "lib": ["ES2023", "DOM", "DOM.Iterable"],
    "types": ["vite/client"],
    "noEmit": true
  },
  "include": ["src", "test", "src/**/*.vue"]
}
`,
    'vite.config.ts': `import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// One ES module for single-spa; vue and @dash/web-kit come from the shell's import map.
export default defineConfig({
  plugins: [vue()],
  base: '/apps/${n.name}/',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    lib: {
      entry: 'src/spa.ts',
      formats: ['es'],
      fileName: () => '${n.name}.js',
      cssFileName: '${n.name}',
    },
    rollupOptions: { external: ['vue', '@dash/web-kit'] },
    target: 'es2022',
    minify: 'esbuild',
    sourcemap: true,
  },
});
`,
    'vitest.config.ts': `import { defineProject } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineProject({
  plugins: [vue()],
  test: { name: '${n.name}-app', environment: 'happy-dom', include: ['test/**/*.test.ts'] },
});
`,
    'src/env.d.ts': `declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
`,
    'src/spa.ts': `import { vueMicrofrontend } from '@dash/web-kit';
import ${page} from './${page}.vue';
import { messages } from './messages.js';

export const { bootstrap, mount, unmount } = vueMicrofrontend({
  component: ${page},
  messages,
  // The stylesheet sits next to this module wherever the shell serves it from.
  cssUrl: new URL(/* @vite-ignore */ './${n.name}.css', import.meta.url).href,
});
`,
    'src/messages.ts': `import type { AppMessages } from '@dash/web-kit';

/** English, the fallback, and Simplified Chinese ship with the app; see \`messages\` below. */
const shipped = {
  en: {
    ${n.camel}: {
      title: '${n.pascal}',
      empty: 'No notes yet.',
      loadFailed: 'Your notes could not be loaded.',
    },
  },
  'zh-CN': {
    ${n.camel}: {
      title: '${n.pascal}',
      empty: '暂无备注。',
      loadFailed: '无法加载备注。',
    },
  },
};

export type Messages = (typeof shipped)['en'];

/** The other languages are fetched only by those who choose them, each a chunk of its own. */
export const messages: AppMessages<Messages> = {
  ...shipped,
  ja: () => import('./messages/ja.js'),
  de: () => import('./messages/de.js'),
  fr: () => import('./messages/fr.js'),
  es: () => import('./messages/es.js'),
};
`,
    ...laterLanguageFiles(n),
    [`src/${page}.vue`]: `<script setup lang="ts">
import { onMounted, ref } from 'vue';
import { graphqlClient, useI18n, type GraphqlClient } from '@dash/web-kit';

/** ${n.pascal}: the signed-in account's notes, newest first. */
const props = withDefaults(defineProps<{ client?: GraphqlClient }>(), { client: undefined });
const client = props.client ?? graphqlClient();
const { t } = useI18n();
const notes = ref<Array<{ id: string; text: string }>>([]);
const state = ref<'loading' | 'ready' | 'failed'>('loading');

onMounted(async () => {
  try {
    const data = await client.query<{ ${n.camel}Notes: Array<{ id: string; text: string }> }>(
      'query ${query} { ${n.camel}Notes { id text } }',
    );
    notes.value = data.${n.camel}Notes;
    state.value = 'ready';
  } catch {
    state.value = 'failed';
  }
});
</script>

<template>
  <section class="${n.name}" data-testid="${n.name}">
    <h1>{{ t('${n.camel}.title') }}</h1>
    <p v-if="state === 'failed'" role="alert">{{ t('${n.camel}.loadFailed') }}</p>
    <p v-else-if="state === 'ready' && notes.length === 0">{{ t('${n.camel}.empty') }}</p>
    <ul v-else>
      <li v-for="note in notes" :key="note.id">{{ note.text }}</li>
    </ul>
  </section>
</template>
`,
    [`test/${n.name}.test.ts`]: `import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import { createDashI18n, type GraphqlClient } from '@dash/web-kit';
import ${page} from '../src/${page}.vue';
import { messages } from '../src/messages.js';

async function mountPage(client: GraphqlClient) {
  const { i18n } = createDashI18n(messages);
  const view = mount(${page}, { props: { client }, global: { plugins: [i18n] } });
  await flushPromises();
  return view;
}

describe('${n.name} page', () => {
  it("lists the account's notes", async () => {
    const view = await mountPage(
      scriptedClient({ ${query}: [{ ${n.camel}Notes: [{ id: 'n1', text: 'first' }] }] }),
    );
    expect(view.findAll('li').map((item) => item.text())).toEqual(['first']);
  });

  it('says when there are none, and when they could not be loaded', async () => {
    expect((await mountPage(scriptedClient({ ${query}: [{ ${n.camel}Notes: [] }] }))).text()).toContain(
      'No notes yet.',
    );
    expect((await mountPage(scriptedClient({ ${query}: [new Error('down')] }))).text()).toContain(
      'could not be loaded',
    );
  });
});
`,
  };
}

/** The words of each language fetched when chosen: a new page starts with them translated. */
function laterLanguageFiles(n: FeatureNames): Record<string, string> {
  const words = {
    ja: ['まだメモはありません。', 'メモを読み込めませんでした。'],
    de: ['Noch keine Notizen.', 'Ihre Notizen konnten nicht geladen werden.'],
    fr: ['Aucune note pour l’instant.', 'Vos notes n’ont pas pu être chargées.'],
    es: ['Aún no hay notas.', 'No se pudieron cargar sus notas.'],
  };
  return Object.fromEntries(
    Object.entries(words).map(([locale, [empty, loadFailed]]) => [
      `src/messages/${locale}.ts`,
      `import type { Messages } from '../messages.js';

const ${locale}: Messages = {
  ${n.camel}: {
    title: '${n.pascal}',
    empty: '${empty}',
    loadFailed: '${loadFailed}',
  },
};

export default ${locale};
`,
    ]),
  );
}
