import { onScopeDispose, shallowRef, type Ref } from 'vue';
import { getSession, onDashEvent, type Session } from './state.js';

/** The shared session as a Vue ref that follows its changes. */
export function useSession(): Ref<Session> {
  const session = shallowRef(getSession());
  onScopeDispose(onDashEvent('dash:session-changed', (detail) => (session.value = detail.session)));
  return session;
}
