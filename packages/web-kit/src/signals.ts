import { onMounted, onUnmounted } from 'vue';
import { onDashEvent, type DashSignal } from './state.js';

/** Runs `handler` on each announcement of `signal` while the calling component is mounted. */
export function useSignal(signal: DashSignal, handler: () => void): void {
  let stop: (() => void) | undefined;
  onMounted(() => (stop = onDashEvent(signal, handler)));
  onUnmounted(() => stop?.());
}
