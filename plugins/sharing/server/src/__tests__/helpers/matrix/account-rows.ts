import { registerNewcomer } from '../../../../../../../cms/test/harness';
import {
  USER,
  call,
  countAll,
  erasureRequestOf,
  mentions,
  newMarker,
  type Row,
  type World,
} from './world';

/** Accounts: nobody but the holder reads or changes a newcomer's account (see also accounts.test.ts). */
export function accountRows(): Row[] {
  const CM = `/content-manager/collection-types/${USER}`;
  const password = async (w: World) =>
    (await w.cms.strapi.db.query(USER).findOne({ where: { id: w.ownerId }, select: ['password'] }))
      .password;
  const throwaway = async (w: World) => (await registerNewcomer(w.cms)).id;
  return [
    {
      route: 'GET /api/users',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => mentions((await call(w, a, 'GET', '/api/users')).body, w.ownerEmail),
    },
    {
      route: 'GET /api/users/count',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => (await call(w, a, 'GET', '/api/users/count')).status === 200,
    },
    {
      route: 'GET /api/users/:id',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) =>
        mentions((await call(w, a, 'GET', `/api/users/${w.ownerId}`)).body, w.ownerEmail),
    },
    {
      route: 'GET /api/users/me',
      section: 'profile',
      allowed: ['owner'],
      attempt: async (w, a) =>
        mentions((await call(w, a, 'GET', '/api/users/me')).body, w.ownerEmail),
    },
    {
      route: 'PUT /api/users/:id',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => {
        const before = await password(w);
        const value = newMarker().toLowerCase();
        await call(w, a, 'PUT', `/api/users/${w.ownerId}`, {
          username: value,
          password: 'Taken-0ver!',
        });
        return (
          (await w.cms.strapi.db.query(USER).count({ where: { username: value } })) > 0 ||
          (await password(w)) !== before
        );
      },
    },
    {
      route: 'POST /api/users',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => {
        const before = await countAll(w, USER);
        const name = newMarker().toLowerCase();
        await call(w, a, 'POST', '/api/users', {
          username: name,
          email: `${name}@evil.example`,
          password: 'Made1234!',
          role: 1,
        });
        return (await countAll(w, USER)) > before;
      },
    },
    {
      route: 'DELETE /api/users/:id',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => {
        const id = await throwaway(w);
        await call(w, a, 'DELETE', `/api/users/${id}`);
        return (await w.cms.strapi.db.query(USER).count({ where: { id } })) === 0;
      },
    },
    {
      route: 'GET /content-manager/collection-types/:model',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => mentions((await call(w, a, 'GET', CM)).body, w.ownerDocumentId),
    },
    {
      route: 'GET /content-manager/collection-types/:model/:id',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) =>
        mentions((await call(w, a, 'GET', `${CM}/${w.ownerDocumentId}`)).body, w.ownerEmail),
    },
    {
      route: 'PUT /content-manager/collection-types/:model/:id',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => {
        const before = await password(w);
        const value = newMarker().toLowerCase();
        await call(w, a, 'PUT', `${CM}/${w.ownerDocumentId}`, {
          username: value,
          email: `${value}@evil.example`,
          password: 'Taken-0ver!',
          blocked: true,
        });
        return (
          (await w.cms.strapi.db.query(USER).count({ where: { username: value } })) > 0 ||
          (await password(w)) !== before
        );
      },
    },
    {
      route: 'DELETE /content-manager/collection-types/:model/:id',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => {
        const id = await throwaway(w);
        const { documentId } = await w.cms.strapi.db
          .query(USER)
          .findOne({ where: { id }, select: ['documentId'] });
        await call(w, a, 'DELETE', `${CM}/${documentId}`);
        return (await w.cms.strapi.db.query(USER).count({ where: { id } })) === 0;
      },
    },
    {
      route: 'GET /content-manager/relations/:model/:targetField',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) =>
        mentions(
          (
            await call(
              w,
              a,
              'GET',
              '/content-manager/relations/api::integration-plan.integration-plan/owner',
            )
          ).body,
          w.ownerDocumentId,
        ),
    },
  ];
}

/** The holder's own account: only she makes a deletion code and stops its announced erasure; and staff accounts. */
export function ownAccountRows(): Row[] {
  const ownerOnly = ['owner'] as const;
  return [
    // Only the holder makes a deletion code for her account, and only she stops its announced erasure.
    {
      route: 'POST /api/sharing/account/deletion-code',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const before = JSON.stringify(await erasureRequestOf(w));
        await call(w, a, 'POST', '/api/sharing/account/deletion-code');
        return JSON.stringify(await erasureRequestOf(w)) !== before;
      },
    },
    {
      route: 'POST /api/sharing/account/erasure/stop',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const requests = w.cms.strapi.db.query('plugin::sharing.erasure-request');
        const dueAt = new Date(Date.now() + 30 * 86_400_000);
        const row = await erasureRequestOf(w);
        if (row) await requests.update({ where: { id: row.id }, data: { dueAt } });
        else await requests.create({ data: { owner: w.ownerId, dueAt } });
        await call(w, a, 'POST', '/api/sharing/account/erasure/stop');
        const after = await erasureRequestOf(w);
        await requests.update({ where: { id: after.id }, data: { dueAt: null } });
        return after.dueAt === null;
      },
    },
    // Staff accounts: an administrator never sets another person's password.
    {
      route: 'PUT /admin/users/:id',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => {
        const stored = () =>
          w.cms.strapi.db
            .query('admin::user')
            .findOne({ where: { id: w.staffVictim.id }, select: ['password', 'email'] });
        const before = await stored();
        await call(w, a, 'PUT', `/admin/users/${w.staffVictim.id}`, {
          password: `${newMarker()}aA1!`,
        });
        await call(w, a, 'PUT', `/admin/users/${w.staffVictim.id}`, {
          email: `${newMarker().toLowerCase()}@evil.example`,
        });
        return JSON.stringify(await stored()) !== JSON.stringify(before);
      },
    },
  ];
}
