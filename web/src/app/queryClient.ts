// The one TanStack Query client. Failures that mean "not signed in" end the session here, once,
// instead of in every page.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, isUnauthenticated } from '@/api/problem';

type Listener = () => void;
let onSessionLost: Listener = () => undefined;

/** The session provider registers what to do when any request answers 401. */
export function setSessionLostListener(listener: Listener): void {
  onSessionLost = listener;
}

function handle(error: unknown) {
  if (isUnauthenticated(error)) onSessionLost();
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: handle }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again; network trouble and 5xx might.
        retry: (count, error) =>
          count < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      },
      mutations: { retry: false },
    },
  });
}
