// List filters kept in the URL's query string, so a filtered list survives a reload, can be
// shared as a link, and "back" returns to it.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [Partial<Record<K, string>>, (changes: Partial<Record<K, string | undefined | null>>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const result: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keys is a constant list
  }, [params]);
  const setFilters = useCallback(
    (changes: Partial<Record<K, string | undefined | null>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes) as [K, string | undefined | null][]) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [filters, setFilters];
}
