import type { Core } from '@strapi/strapi';
import { getService } from './utils';

/** The admin RBAC condition's id as Strapi stores it on role permissions. */
export const SHARED_WITH_ME = 'plugin::sharing.shared-with-me';

/**
 * Admin RBAC condition on personal content types: only records whose owner granted the staff
 * member this section, now. The document-service guard applies the same rule to every call; the
 * condition also covers the Content Manager's relation pickers, which query the database directly.
 * Evaluated on every admin request, so a revoked grant takes effect at once.
 */
export function sharedWithMeCondition(strapi: Core.Strapi) {
  return {
    displayName: 'Shared with me (active grant for this section)',
    name: 'shared-with-me',
    plugin: 'sharing',
    category: 'MoBio',
    async handler(user: { id: number; permission?: { subject?: string } }) {
      const access = getService(strapi, 'access');
      const section = user.permission?.subject
        ? access.personalTypes().get(user.permission.subject)
        : undefined;
      if (!section) return true;
      const scope = await access.readScope({ kind: 'staff', id: user.id }, section);
      if ('ownerIds' in scope) return { 'owner.id': { $in: scope.ownerIds } };
      return false;
    },
  };
}

export type AdminPermission = {
  action: string;
  subject?: string | null;
  conditions?: string[];
  properties?: Record<string, unknown>;
};

/** Adds the condition to every permission on a personal type, whoever holds it. */
export function withSharedWithMe<P extends AdminPermission>(
  personal: Map<string, unknown>,
  permissions: P[],
): P[] {
  return permissions.map((permission) =>
    permission.subject && personal.has(permission.subject)
      ? {
          ...permission,
          conditions: [...new Set([...(permission.conditions ?? []), SHARED_WITH_ME])],
        }
      : permission,
  );
}
