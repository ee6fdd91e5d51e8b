import { useAuth } from '@strapi/strapi/admin';
import type { ComponentType } from 'react';
import { Navigate } from 'react-router-dom';

/** The role whose home is the work list (found by code, as the server's STAFF_ROLES names it). */
const WORK_LIST_ROLE = 'integration-manager';

/**
 * The admin panel's home page: integration managers land on their work list; everyone else gets
 * Strapi's home. Strapi 5 cannot remove its home widgets, so the index route is replaced.
 */
function StaffHome({ strapiHome: StrapiHome }: { strapiHome: ComponentType }) {
  const roles = useAuth('StaffHome', (state) => state.user?.roles ?? []);
  if (roles.some((role) => role.code === WORK_LIST_ROLE))
    return <Navigate to="/plugins/sharing/work-list" replace />;
  return <StrapiHome />;
}

type Lazy = () => Promise<{ Component?: ComponentType | null }>;
interface RouteLike {
  index?: boolean;
  lazy?: Lazy;
}

/** Wraps Strapi's index route (its home page) so that StaffHome decides what to show. */
export function withStaffHome<R extends RouteLike>(routes: R[]): R[] {
  return routes.map((route) => {
    if (!route.index || !route.lazy) return route;
    const strapiLazy = route.lazy;
    return {
      ...route,
      lazy: async () => {
        const { Component } = await strapiLazy();
        const strapiHome = Component ?? (() => null);
        return { Component: () => <StaffHome strapiHome={strapiHome} /> };
      },
    };
  });
}
