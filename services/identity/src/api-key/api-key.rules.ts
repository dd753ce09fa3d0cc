import type { ApiKey } from './api-key.entity.js';

/** Every key made from `rootId`, directly or through keys it made (revoked ones included). */
export function descendantsOf(rootId: string, keys: ApiKey[]): ApiKey[] {
  const found: ApiKey[] = [];
  const parents = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const key of keys)
      if (key.createdByKeyId && parents.has(key.createdByKeyId) && !parents.has(key.id)) {
        parents.add(key.id);
        found.push(key);
        grew = true;
      }
  }
  return found;
}
