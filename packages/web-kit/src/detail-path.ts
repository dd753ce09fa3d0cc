import { onMounted, onUnmounted, ref } from 'vue';

/**
 * A page that lists things at `base` (/payouts) and shows one at `base/<id>`: `openId` is the id
 * in the address ('' for the list) and follows the browser's back and forward buttons; `go(id)`
 * opens one (or the list, with '') as a new history entry.
 */
export function useDetailPath(base: string) {
  const idFromPath = () => decodeURIComponent(window.location.pathname.split(`${base}/`)[1] ?? '');
  const openId = ref(idFromPath());

  const follow = () => (openId.value = idFromPath());
  onMounted(() => window.addEventListener('popstate', follow));
  onUnmounted(() => window.removeEventListener('popstate', follow));

  function go(id: string): void {
    window.history.pushState(null, '', id ? `${base}/${encodeURIComponent(id)}` : base);
    openId.value = id;
  }

  return { openId, go };
}
