import { defineConfig } from 'vite';

// One classic script a platform's page includes with <script src>: it must run without an import
// map or a module loader of the page's, so it is an IIFE; what it loads later, it loads by URL.
export default defineConfig({
  build: {
    lib: {
      entry: 'src/loader.ts',
      formats: ['iife'],
      name: 'DashEmbedLoader',
      fileName: () => 'embed.js',
    },
    target: 'es2022',
    minify: 'esbuild',
    sourcemap: false,
    emptyOutDir: true,
  },
});
