import { fileURLToPath } from 'node:url';

/** The repository root (infra/local/dist → ../../..). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Git-ignored folder for MariaDB/Redis data the stack starts itself. */
export const DATA_DIR = fileURLToPath(new URL('../../../.data/', import.meta.url));
