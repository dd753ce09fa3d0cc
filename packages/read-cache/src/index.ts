export { ReadCacheKeys, type ReadScope } from './keys.js';
export { ReadVersions, type VersionStore } from './read-versions.js';
export { ResponseCache, type CacheLookup } from './response-cache.js';
export { installReadVersionBumps, ReadVersionBumps, touchReads } from './touch.js';
export { readVersionsConnection } from './service-part.js';
