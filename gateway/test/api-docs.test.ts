import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, REQUEST_ERROR_CODES } from '@dash/errors';
import {
  API_DOCS_DIR,
  CODE_DOCS,
  generateApiDocs,
  REASON_DOCS,
  reasonsIn,
  reasonsInSource,
  REPO_ROOT,
  REQUEST_CODE_DOCS,
} from '../src/api-reference/index.js';

describe('docs/api', () => {
  it('matches the supergraph and the error catalogue (run `npm run docs:api` to refresh)', async () => {
    const generated = await generateApiDocs();
    const onDisk = (await readdir(API_DOCS_DIR, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
      .map((entry) => entry.name)
      .sort();
    expect(onDisk).toEqual(Object.keys(generated).sort());
    for (const [name, markdown] of Object.entries(generated))
      expect(await readFile(new URL(name, API_DOCS_DIR), 'utf8'), name).toBe(markdown);
  });

  it('links only to pages and headings that exist', async () => {
    const generated = await generateApiDocs();
    const anchors = new Map(
      Object.entries(generated).map(([name, markdown]) => [
        name,
        new Set(
          [...markdown.matchAll(/^#+ (.+)$/gm)].map(([, heading]) =>
            heading!
              .toLowerCase()
              .replace(/[^a-z0-9_ -]/g, '')
              .replace(/ /g, '-'),
          ),
        ),
      ]),
    );
    const broken: string[] = [];
    for (const [name, markdown] of Object.entries(generated))
      for (const [, target] of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^https?:/.test(target!) || target!.startsWith('examples/')) continue;
        const [file, hash] = target!.split('#');
        const page = file ? file : name;
        if (!anchors.has(page) || (hash && !anchors.get(page)!.has(hash)))
          broken.push(`${name} → ${target}`);
      }
    expect(broken).toEqual([]);
  });
});

describe('the error catalogue', () => {
  it('explains every error code', () => {
    expect(Object.keys(CODE_DOCS).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(REQUEST_CODE_DOCS).sort()).toEqual([...REQUEST_ERROR_CODES].sort());
  });

  it('explains every reason the services return, and none they no longer do', async () => {
    const inSource = [...(await reasonsInSource(REPO_ROOT)).keys()].sort();
    const documented = Object.keys(REASON_DOCS).sort();
    // A new `reason: '…'` needs an entry in gateway/src/api-reference/error-catalogue.ts.
    expect(inSource.filter((reason) => !documented.includes(reason))).toEqual([]);
    expect(documented.filter((reason) => !inSource.includes(reason))).toEqual([]);
    for (const [reason, doc] of Object.entries(REASON_DOCS))
      for (const code of doc.codes) expect(ERROR_CODES, reason).toContain(code);
  });

  it('finds reasons however the source writes them', () => {
    expect(
      reasonsIn(`
        throw new DashError('FAILED_PRECONDITION', 'No.', { reason: 'ONE_REASON' });
        { reason: closed ? 'TWO_REASON' : 'THREE_REASON' },
        const reason = 'FOUR_REASON';
        const invalid = (field: string, message: string, reason = 'FIVE_REASON') => 1;
        throw refused('SIX_REASON', 'Nope.');
        throw invalid(
          'country',
          \`Not in \${country}.\`,
          'SEVEN_REASON',
        );
        const status = 'NOT_A_REASON';
      `).sort(),
    ).toEqual(
      ['FIVE', 'FOUR', 'ONE', 'SEVEN', 'SIX', 'THREE', 'TWO'].map((n) => `${n}_REASON`).sort(),
    );
  });
});
