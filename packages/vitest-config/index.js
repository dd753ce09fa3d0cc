// Shared vitest settings. Node projects compile with SWC so decorator metadata survives
// (TypeORM and type-graphql read it); the default esbuild transform drops it.
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import swc from 'unplugin-swc';

const require = createRequire(import.meta.url);
// SWC and vite can each resolve `graphql` to a different build, which makes graphql-js
// refuse to mix types ("another module or realm"). One path for everyone.
const graphqlEntry = require.resolve('graphql/index.js', { paths: [process.cwd()] });

/** @param {string} name @param {string} root */
export function nodeProject(name, root) {
  return {
    root: fileURLToPath(new URL('.', root)),
    plugins: [swc.vite({ jsc: { target: 'es2022' }, module: { type: 'es6' } })],
    resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
    test: {
      name,
      environment: 'node',
      // Integration tests in test/; unit specs of pure rules beside them in src/.
      include: ['test/**/*.test.ts', 'src/**/*.spec.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
}
