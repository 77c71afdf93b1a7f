// Who is signed in. `useSession()` gives the current user (`me`), and the actions that change
// the session: sign in, sign out, switch dealer, change language.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { api, setCsrfToken, unwrap } from '@/api/client';
import { isApiError, isUnauthenticated } from '@/api/problem';
import type { Locale, Me } from '@/api/types';
import { applyLocale, storedLocale, storeLocale } from '@/i18n';
import { setSessionLostListener } from './queryClient';

export const ME_KEY = ['me'] as const;
const EXPIRED_FLAG = 'forecourt.sessionExpired';

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await unwrap(api.GET('/api/v1/me'));
    setCsrfToken(me.csrf_token);
    return me;
  } catch (error) {
    if (isUnauthenticated(error)) return null;
    throw error;
  }
}

/** The language to show for a user: their own choice, this device's, or their dealer's. */
export function effectiveLocale(me: Me): Locale {
  return me.user.locale ?? storedLocale() ?? me.dealer.locale;
}

interface Session {
  me: Me | null;
  loading: boolean;
  /** Whether the last session ended by itself (expired) rather than by signing out. */
  expired: boolean;
  signIn: (username: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  switchDealer: (dealerId: string) => Promise<void>;
  setLocale: (locale: Locale) => Promise<void>;
  /** Replaces the cached `me` after the user changed their own profile. */
  updateMe: (me: Me) => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
  const me = query.data ?? null;

  useEffect(() => {
    setSessionLostListener(() => {
      if (queryClient.getQueryData(ME_KEY)) {
        sessionStorage.setItem(EXPIRED_FLAG, '1');
      }
      setCsrfToken(null);
      queryClient.setQueryData(ME_KEY, null);
    });
  }, [queryClient]);

  useEffect(() => {
    if (me) void applyLocale(effectiveLocale(me));
  }, [me]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const body = await unwrap(api.POST('/api/v1/auth/login', { body: { username, password } }));
      setCsrfToken(body.csrf_token);
      sessionStorage.removeItem(EXPIRED_FLAG);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, { ...body.me, csrf_token: body.csrf_token });
      return body.me;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await unwrap(api.POST('/api/v1/auth/logout'));
    } catch (error) {
      if (!isApiError(error)) throw error;
    }
    setCsrfToken(null);
    sessionStorage.removeItem(EXPIRED_FLAG);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    queryClient.setQueryData(ME_KEY, null);
  }, [queryClient]);

  const switchDealer = useCallback(
    async (dealerId: string) => {
      await unwrap(api.PUT('/api/v1/me/dealer', { body: { dealer_id: dealerId } }));
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      await queryClient.refetchQueries({ queryKey: ME_KEY });
    },
    [queryClient],
  );

  const setLocale = useCallback(
    async (locale: Locale) => {
      storeLocale(locale);
      await applyLocale(locale);
      // Texts the server words (task subjects, notifications) come again in the new language.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      const current = queryClient.getQueryData<Me | null>(ME_KEY);
      if (!current || current.user.locale === locale) return;
      const save = (version: number) =>
        unwrap(api.PATCH('/api/v1/me', { body: { version, locale } }));
      let updated: Me;
      try {
        updated = await save(current.user.version);
      } catch (error) {
        if (!isApiError(error) || error.code !== 'version_conflict') throw error;
        const fresh = await fetchMe();
        if (!fresh) return;
        updated = await save(fresh.user.version);
      }
      queryClient.setQueryData(ME_KEY, { ...updated, csrf_token: current.csrf_token });
    },
    [queryClient],
  );

  const updateMe = useCallback(
    (next: Me) => {
      const current = queryClient.getQueryData<Me | null>(ME_KEY);
      queryClient.setQueryData(ME_KEY, {
        ...next,
        csrf_token: current?.csrf_token ?? next.csrf_token,
      });
    },
    [queryClient],
  );

  const value = useMemo<Session>(
    () => ({
      me,
      loading: query.isPending,
      expired: !me && sessionStorage.getItem(EXPIRED_FLAG) === '1',
      signIn,
      signOut,
      switchDealer,
      setLocale,
      updateMe,
    }),
    [me, query.isPending, signIn, signOut, switchDealer, setLocale, updateMe],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user, inside pages that only render when someone is signed in. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
