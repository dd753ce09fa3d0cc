import { onMounted, onUnmounted, ref } from 'vue';
import { isEmbedded } from './embedding.js';

/**
 * A page that lists things at `base` (/payouts) and shows one at `base/<id>`: `openId` is the id
 * in the address ('' for the list) and follows the browser's back and forward buttons; `go(id)`
 * opens one (or the list, with '') as a new history entry. Embedded in a platform's page, the
 * address is the platform's: the list and its details switch in place.
 */
export function useDetailPath(base: string) {
  const inPage = isEmbedded();
  const idFromPath = () =>
    inPage ? '' : decodeURIComponent(window.location.pathname.split(`${base}/`)[1] ?? '');
  const openId = ref(idFromPath());

  const follow = () => (openId.value = idFromPath());
  onMounted(() => inPage || window.addEventListener('popstate', follow));
  onUnmounted(() => window.removeEventListener('popstate', follow));

  function go(id: string): void {
    if (!inPage)
      window.history.pushState(null, '', id ? `${base}/${encodeURIComponent(id)}` : base);
    openId.value = id;
  }

  return { openId, go };
}

/**
 * A list/detail page (`useDetailPath`) that first learns what the account may do (`prepare`):
 * nothing shows until that is known, and a failure to learn it still shows the page, with the
 * permissions left at their cautious defaults.
 */
export function useDetailPage(base: string, prepare: () => Promise<void>) {
  const ready = ref(false);
  onMounted(async () => {
    try {
      await prepare();
    } finally {
      ready.value = true;
    }
  });
  return { ...useDetailPath(base), ready };
}
