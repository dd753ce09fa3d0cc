import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const packageRoot = new URL('../', import.meta.url);

describe('the production build', () => {
  it('holds no test support and depends on none', async () => {
    const manifest = JSON.parse(await readFile(new URL('package.json', packageRoot), 'utf8')) as {
      dependencies: Record<string, string>;
      exports: Record<string, { default: string }>;
    };
    expect(Object.keys(manifest.dependencies)).not.toContain('@dash/testing');
    expect(manifest.exports['.']!.default).toMatch(/^\.\/dist\//);
    expect(manifest.exports['./testing']!.default).not.toMatch(/dist/);

    const files = await readdir(new URL('dist/', packageRoot), { recursive: true });
    const modules = files.filter((file) => file.endsWith('.js'));
    expect(modules.length).toBeGreaterThan(0);
    for (const file of modules) {
      const code = await readFile(new URL(`dist/${file}`, packageRoot), 'utf8');
      expect(code, file).not.toMatch(/@dash\/testing|startTestService/);
    }
  });
});
