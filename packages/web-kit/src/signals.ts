import { onMounted, onUnmounted } from 'vue';

/**
 * What one micro-frontend tells the others on the page, without knowing them: "money moved to
 * a payout" lets the payouts list reload after the balance card paid out.
 */
export type DashSignal = 'payouts-changed';

const eventName = (signal: DashSignal) => `dash:${signal}`;

export function announce(signal: DashSignal): void {
  window.dispatchEvent(new CustomEvent(eventName(signal)));
}

/** Runs `handler` on each announcement while the calling component is mounted. */
export function useSignal(signal: DashSignal, handler: () => void): void {
  onMounted(() => window.addEventListener(eventName(signal), handler));
  onUnmounted(() => window.removeEventListener(eventName(signal), handler));
}
