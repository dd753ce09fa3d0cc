import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// One ES module for single-spa; vue and @dash/web-kit come from the shell's import map.
export default defineConfig({
  plugins: [vue()],
  base: '/apps/tax/',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    lib: {
      entry: 'src/spa.ts',
      formats: ['es'],
      fileName: () => 'tax.js',
      cssFileName: 'tax',
    },
    rollupOptions: { external: ['vue', '@dash/web-kit'] },
    target: 'es2022',
    minify: 'esbuild',
    sourcemap: true,
  },
});
