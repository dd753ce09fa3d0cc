export { createIdentityService, identityService } from './service.js';
export { LOGIN_RULES } from './login/login.service.js';
export { CODE_ALLOWANCES } from './login/code-limits.js';
export { seedIdentity, type IdentitySeed } from './seed.js';
export { isVerifiable } from './domain/verification.js';
export { Account } from './entities/account.entity.js';
export { Platform } from './entities/platform.entity.js';
export { createPlatform } from './platforms.js';
export { ApiKeyRepository } from './api-keys.repository.js';
