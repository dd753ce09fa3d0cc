#!/usr/bin/env node
// Generates the typed GraphQL documents of the workspace it runs in (npm runs scripts there).
import { generateDocuments } from '../dist/index.js';

try {
  await generateDocuments(process.cwd());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
