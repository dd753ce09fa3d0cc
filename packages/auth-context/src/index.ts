export {
  ANONYMOUS,
  CALLER_HEADER,
  CLIENT_IP_HEADER,
  USER_AGENT_HEADER,
  EMBEDDED_COMPONENTS,
  type Caller,
  type EmbeddedComponent,
} from './caller.js';
export {
  CallerVerificationError,
  signCaller,
  verifyCaller,
  verifyCallerHeader,
} from './signing.js';
export {
  formatSessionHeader,
  parseSessionHeader,
  SESSION_HEADER,
  type SessionHandover,
} from './session-header.js';
export { postAsService, type ServiceAnswer } from './service-call.js';
export {
  CredentialEpochs,
  credentialSubjectOf,
  type CredentialSubject,
  type EpochStore,
} from './credential-epochs.js';
