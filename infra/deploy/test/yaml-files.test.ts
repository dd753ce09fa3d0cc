import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const infra = fileURLToPath(new URL('../..', import.meta.url));

async function yamlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : yamlFiles(path);
      return /\.ya?ml$/.test(entry.name) ? [path] : [];
    }),
  );
  return nested.flat();
}

// A YAML slip (a tab, a bad indent) would otherwise surface only when a deploy reads the file.
describe('every YAML file under infra/', () => {
  it('parses without errors or warnings', async () => {
    const files = await yamlFiles(infra);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const documents = parseAllDocuments(await readFile(file, 'utf8'));
      const problems = (Array.isArray(documents) ? documents : [documents]).flatMap((document) => [
        ...document.errors,
        ...document.warnings,
      ]);
      expect(problems.map(String), relative(infra, file)).toEqual([]);
    }
  });
});
