import { grantDirectly, uploadDocument } from '../../../../../../../cms/test/harness';
import { unzip } from '../../../../../../../cms/test/zip';
import {
  call,
  fetchAs,
  mentions,
  newMarker,
  sawDocument,
  serverErrors,
  type Row,
  type World,
} from './world';

/** The sharing plugin's content API: grants, the access log, export and import, CV, documents, plans. */
export function sharingApiRows(): Row[] {
  const GRANT = 'plugin::sharing.grant';
  const ownerGrants = (w: World) =>
    w.cms.strapi.db.query(GRANT).count({ where: { owner: { id: w.ownerId } } });
  const activeOwnerGrants = (w: World) =>
    w.cms.strapi.db
      .query(GRANT)
      .count({ where: { owner: { id: w.ownerId }, revokedAt: { $null: true } } });
  const throwawayGrant = async (w: World) =>
    (
      await grantDirectly(w.cms, {
        owner: w.ownerId,
        grantee: w.staffVictim.id,
        sections: ['languages'],
        access: 'read',
        purpose: 'matrix',
        days: 30,
      })
    ).documentId as string;
  const ownerOnly = ['owner'] as const;
  return [
    {
      route: 'GET /api/sharing/grants',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) =>
        mentions((await call(w, a, 'GET', '/api/sharing/grants')).body, 'Granted Berater'),
    },
    {
      route: 'POST /api/sharing/grants',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const before = await ownerGrants(w);
        await call(w, a, 'POST', '/api/sharing/grants', {
          data: { grantee: w.listing, sections: ['languages'], purpose: 'Matrix' },
        });
        return (await ownerGrants(w)) > before;
      },
    },
    {
      route: 'POST /api/sharing/grants/revoke-all',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        await throwawayGrant(w);
        const active = await w.cms.strapi.db.query(GRANT).findMany({
          where: { owner: { id: w.ownerId }, revokedAt: { $null: true } },
          select: ['id'],
        });
        await call(w, a, 'POST', '/api/sharing/grants/revoke-all', {});
        const revoked = (await activeOwnerGrants(w)) < active.length;
        // The world's grants come back for the rows after this one.
        await w.cms.strapi.db.query(GRANT).updateMany({
          where: { id: { $in: active.map((row: { id: number }) => row.id) } },
          data: { revokedAt: null },
        });
        return revoked;
      },
    },
    {
      route: 'PUT /api/sharing/grants/:documentId',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const id = await throwawayGrant(w);
        const purpose = newMarker();
        await call(w, a, 'PUT', `/api/sharing/grants/${id}`, {
          data: { sections: ['languages'], purpose },
        });
        return (await w.cms.strapi.db.query(GRANT).count({ where: { purpose } })) > 0;
      },
    },
    {
      route: 'POST /api/sharing/grants/:documentId/revoke',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const id = await throwawayGrant(w);
        await call(w, a, 'POST', `/api/sharing/grants/${id}/revoke`, {});
        return (
          (await w.cms.strapi.db
            .query(GRANT)
            .count({ where: { documentId: id, revokedAt: { $notNull: true } } })) > 0
        );
      },
    },
    {
      route: 'GET /api/sharing/grants/:documentId/receipt',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const id = await throwawayGrant(w);
        return mentions(
          (await call(w, a, 'GET', `/api/sharing/grants/${id}/receipt`)).body,
          'matrix',
        );
      },
    },
    // The staff reads of her records in the rows above are in her log, by record.
    {
      route: 'GET /api/sharing/access-log',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) =>
        mentions(
          (await call(w, a, 'GET', '/api/sharing/access-log?pageSize=100')).body,
          w.records['api::education-entry.education-entry'],
        ),
    },
    {
      route: 'GET /api/sharing/overview',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) =>
        mentions(
          (await call(w, a, 'GET', '/api/sharing/overview')).body,
          w.records['api::profile.profile'],
        ),
    },
    {
      route: 'GET /api/sharing/export',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const { status, bytes } = await fetchAs(w, a, '/api/sharing/export');
        return (
          status === 200 &&
          (await unzip(bytes)).get('mobio-export.json')!.toString('utf8').includes(w.ownerEmail)
        );
      },
    },
    // Each newcomer may import into their own account only (the route names no other): reaching the
    // import's own checks is the "allowed" here; an account in use gets its refusal, a fresh one the
    // refusal of this archive, which is no zip. Staff and tokens never reach it.
    {
      route: 'POST /api/sharing/import',
      section: 'profile',
      allowed: ['owner', 'otherNewcomer'],
      attempt: async (w, a) => {
        const res = await fetch(`${w.cms.url}/api/sharing/import`, {
          method: 'POST',
          headers: {
            'content-type': 'application/zip',
            ...(w.credentials[a] ? { authorization: `Bearer ${w.credentials[a]}` } : {}),
          },
          body: 'not a zip',
        });
        if (res.status >= 500) serverErrors.push(`POST /api/sharing/import as ${a}: ${res.status}`);
        const body = await res.json().catch(() => null);
        return /^error\.import/.test(body?.error?.message ?? '');
      },
    },
    {
      route: 'GET /api/sharing/cv',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) =>
        mentions(
          (await call(w, a, 'GET', '/api/sharing/cv?format=json&include=contact')).body,
          w.ownerEmail,
        ),
    },
    {
      route: 'GET /api/sharing/documents/:documentId/file',
      section: 'documents',
      allowed: ownerOnly,
      attempt: async (w, a) =>
        sawDocument(
          (
            await fetchAs(
              w,
              a,
              `/api/sharing/documents/${w.records['api::document.document']}/file`,
            )
          ).bytes,
        ),
    },
    {
      route: 'POST /api/sharing/documents',
      section: 'documents',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const title = newMarker();
        await uploadDocument(w.cms, w.credentials[a], Buffer.from('%PDF-1.7\n%%EOF\n'), {
          kind: 'certificate',
          title,
        });
        return (
          (await w.cms.strapi.db
            .query('api::document.document')
            .count({ where: { title, owner: { id: w.ownerId } } })) > 0
        );
      },
    },
    {
      route: 'GET /api/sharing/plans/:documentId/pdf',
      section: 'plans',
      allowed: ownerOnly,
      attempt: async (w, a) =>
        sawDocument((await fetchAs(w, a, `/api/sharing/plans/${w.proposedPlan}/pdf`)).bytes),
    },
    {
      route: 'POST /api/sharing/plans/:documentId/accept',
      section: 'plans',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const PLAN = 'api::integration-plan.integration-plan';
        await w.cms.strapi.db.query(PLAN).update({
          where: { documentId: w.proposedPlan },
          data: { planStatus: 'proposed', acceptedAt: null, acceptedVersion: null },
        });
        await call(w, a, 'POST', `/api/sharing/plans/${w.proposedPlan}/accept`, {
          data: { version: 1 },
        });
        return (
          (await w.cms.strapi.db
            .query(PLAN)
            .count({ where: { documentId: w.proposedPlan, planStatus: 'accepted' } })) > 0
        );
      },
    },
  ];
}
