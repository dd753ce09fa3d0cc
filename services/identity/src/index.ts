export { createIdentityService, identityService } from './service.js';
export { LOGIN_RULES } from './login/login.service.js';
export { CODE_ALLOWANCES } from './login/code-limits.service.js';
export { seedIdentity, type IdentitySeed } from './seed.js';
export { isVerifiable } from './onboarding/verification.rules.js';
export { Account } from './account/account.entity.js';
export { Platform } from './platform/platform.entity.js';
export { createPlatform } from './platform/platform.service.js';
export { ApiKeyService } from './api-key/api-key.service.js';
