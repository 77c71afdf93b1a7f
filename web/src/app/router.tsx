// Routes: the login page outside the shell, every registered page inside it.
import { Suspense, lazy, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import type { Me } from '@/api/types';
import { ForbiddenResult, NotFoundResult } from '@/components/Results';
import { PageSpinner } from '@/components/PageSpinner';
import LoginPage from '@/pages/login/LoginPage';
import AppLayout from './layout/AppLayout';
import { MODULES } from './modules';
import { useSession } from './session';

const ProfilePage = lazy(() => import('@/pages/profile/ProfilePage'));

/** Renders its children for a signed-in user; anyone else goes to login and comes back after. */
function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageSpinner fullScreen />;
  if (!me) {
    const from = `${location.pathname}${location.search}`;
    const search = from === '/' ? '' : `?from=${encodeURIComponent(from)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return <>{children}</>;
}

function Guarded({
  allowed,
  component: Component,
}: {
  allowed?: (me: Me) => boolean;
  component: ComponentType;
}) {
  const { me } = useSession();
  if (!me) return null;
  if (allowed && !allowed(me)) return <ForbiddenResult />;
  return (
    <Suspense fallback={<PageSpinner />}>
      <Component />
    </Suspense>
  );
}

export function createAppRouter() {
  const children = MODULES.flatMap((module) =>
    module.pages.flatMap((page) => [
      {
        path: page.path,
        element: <Guarded allowed={page.allowed} component={page.component} />,
      },
      ...(page.routes ?? []).map((route) => ({
        path: route.path,
        element: (
          <Guarded
            allowed={(me: Me) => page.allowed(me) && (route.allowed?.(me) ?? true)}
            component={route.component}
          />
        ),
      })),
    ]),
  );
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        ...children,
        { path: '/profile', element: <Guarded component={ProfilePage} /> },
        { path: '*', element: <NotFoundResult /> },
      ],
    },
    { path: '*', element: <Navigate to="/" replace /> },
  ]);
}
