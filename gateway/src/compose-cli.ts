import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { composeSupergraph, CompositionError, SUPERGRAPH_FILE } from './compose.js';

try {
  await writeFile(SUPERGRAPH_FILE, await composeSupergraph());
  console.log(`Wrote ${fileURLToPath(SUPERGRAPH_FILE)}`);
} catch (error) {
  if (!(error instanceof CompositionError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
