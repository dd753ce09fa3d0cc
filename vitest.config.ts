import { defineConfig } from 'vitest/config';

// One run over every workspace; each workspace keeps its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'services/*/vitest.config.ts',
      'gateway/vitest.config.ts',
      'shell/vitest.config.ts',
      'microfrontends/*/vitest.config.ts',
      'infra/local/vitest.config.ts',
    ],
  },
});
