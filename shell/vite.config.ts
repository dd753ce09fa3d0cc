import { defineConfig } from 'vite';

// The root config is one ES module; everything it imports by name comes from the import map.
export default defineConfig({
  build: {
    outDir: 'dist/public',
    lib: {
      entry: 'src/browser/root-config.ts',
      formats: ['es'],
      fileName: () => 'root-config.js',
      cssFileName: 'frame',
    },
    rollupOptions: { external: ['single-spa', 'single-spa-layout', '@dash/web-kit', 'vue'] },
    target: 'es2022',
    minify: 'esbuild',
    sourcemap: true,
    emptyOutDir: true,
  },
});
