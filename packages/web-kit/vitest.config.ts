import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'web-kit',
    environment: 'happy-dom',
    // Stylesheet links are asserted, not fetched.
    environmentOptions: {
      happyDOM: {
        settings: { disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
      },
    },
    include: ['test/**/*.test.ts'],
  },
});
