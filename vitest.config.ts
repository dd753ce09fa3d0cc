import { defineConfig } from 'vitest/config';

// One run over every workspace; each workspace keeps its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'services/*/vitest.config.ts',
      'microfrontends/*/vitest.config.ts',
      // gateway, shell
      '*/vitest.config.ts',
      'infra/*/vitest.config.ts',
    ],
  },
});
