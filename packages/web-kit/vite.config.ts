import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// One ES module loaded once through the shell's import map; vue comes from the import map too.
export default defineConfig({
  plugins: [vue()],
  define: {
    // Dependencies (urql, vue-i18n) branch on this; browsers have no `process`.
    'process.env.NODE_ENV': JSON.stringify('production'),
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  },
  build: {
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'web-kit.js',
      cssFileName: 'web-kit',
    },
    rollupOptions: { external: ['vue'] },
    target: 'es2022',
    // Served as is to browsers, so minify fully (library mode keeps whitespace by default).
    minify: 'esbuild',
    sourcemap: true,
  },
});
