import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../shared/api-types';

export type PageFetcher<T> = (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>;

/**
 * A cursor-paginated list: first page on mount and whenever `deps` change (search text,
 * filters), then "load more" appends the next page. Stale responses are discarded.
 */
export function usePagedList<T>(fetchPage: PageFetcher<T>, deps: readonly unknown[]) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);
  const fetchRef = useRef(fetchPage);
  // keep the latest fetcher (it closes over the current filters); runs before the load effect
  useEffect(() => {
    fetchRef.current = fetchPage;
  });

  const load = useCallback(async (cursor: string | null) => {
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    setIsLoading(true);
    setError(null);
    try {
      const page = await fetchRef.current(cursor, ctrl.signal);
      if (ctrl.signal.aborted) return;
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNextCursor(page.nextCursor ?? null);
    } catch (err) {
      if (ctrl.signal.aborted) return;
      setError(err);
    } finally {
      if (!ctrl.signal.aborted) setIsLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
    return () => controller.current?.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return {
    items,
    setItems,
    nextCursor,
    isLoading,
    error,
    loadMore: () => (nextCursor ? load(nextCursor) : Promise.resolve()),
    reload: () => load(null),
  };
}
