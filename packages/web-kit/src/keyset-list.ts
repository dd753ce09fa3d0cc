import { ref, type Ref } from 'vue';

export interface KeysetPage<Row> {
  nodes: Row[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * A newest-first list read page by page with the server's cursor: the three states every list
 * shows (loading, error, rows), and "show more" that appends the next page.
 */
export function useKeysetList<Row>(fetchPage: (after: string | null) => Promise<KeysetPage<Row>>) {
  const state = ref<'loading' | 'ready' | 'error'>('loading');
  const rows = ref([]) as Ref<Row[]>;
  const hasMore = ref(false);
  const loadingMore = ref(false);
  let cursor: string | null = null;

  /** The first page again (after a filter changed), or with `more` the next one. */
  async function load(more = false): Promise<void> {
    if (more) loadingMore.value = true;
    else state.value = 'loading';
    try {
      const page = await fetchPage(more ? cursor : null);
      rows.value = more ? [...rows.value, ...page.nodes] : page.nodes;
      cursor = page.pageInfo.endCursor;
      hasMore.value = page.pageInfo.hasNextPage;
      state.value = 'ready';
    } catch {
      state.value = 'error';
    } finally {
      loadingMore.value = false;
    }
  }

  return { state, rows, hasMore, loadingMore, load };
}

/** What useKeysetList gives a screen, for components that show such a list. */
export type KeysetList<Row> = ReturnType<typeof useKeysetList<Row>>;
