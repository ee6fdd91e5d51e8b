import { api, registerNewcomer } from '../../../../../../../cms/test/harness';
import {
  ADMINS,
  USER,
  call,
  fetchAs,
  mentions,
  newMarker,
  newOwnerSession,
  readers,
  sawDocument,
  type Row,
} from './world';

/** The sharing plugin's admin routes: what staff open, the plan editor, statistics, accounts. */
export function sharingStaffRows(): Row[] {
  return [
    {
      route: 'GET /sharing/documents/:documentId/file',
      section: 'documents',
      allowed: readers('documents'),
      attempt: async (w, a) =>
        sawDocument(
          (await fetchAs(w, a, `/sharing/documents/${w.records['api::document.document']}/file`))
            .bytes,
        ),
    },
    {
      route: 'GET /sharing/plans/:documentId/pdf',
      section: 'plans',
      allowed: readers('plans'),
      attempt: async (w, a) =>
        sawDocument((await fetchAs(w, a, `/sharing/plans/${w.proposedPlan}/pdf`)).bytes),
    },
    // Listed and opened by anyone holding any active grant of the owner: their own sections.
    {
      route: 'GET /sharing/shared-with-me',
      section: 'profile',
      allowed: ['staffGranted', 'staffOtherSection', 'staffReadPlans'],
      attempt: async (w, a) =>
        mentions((await call(w, a, 'GET', '/sharing/shared-with-me')).body, w.ownerDocumentId),
    },
    // The work list names and links a person only while that person shares something with me.
    {
      route: 'GET /sharing/work-list',
      section: 'profile',
      allowed: ['staffGranted', 'staffOtherSection', 'staffReadPlans'],
      attempt: async (w, a) =>
        mentions((await call(w, a, 'GET', '/sharing/work-list')).body, w.ownerDocumentId),
    },
    {
      route: 'GET /sharing/records/:ownerId',
      section: 'profile',
      allowed: ['staffGranted', 'staffOtherSection', 'staffReadPlans'],
      attempt: async (w, a) =>
        (await call(w, a, 'GET', `/sharing/records/${w.ownerDocumentId}`)).status === 200,
    },
    // The plan editor: plan grantees read, only a grantee with write access saves and proposes.
    {
      route: 'GET /sharing/records/:ownerId/plan',
      section: 'plans',
      allowed: readers('plans'),
      attempt: async (w, a) => {
        const res = await call(w, a, 'GET', `/sharing/records/${w.ownerDocumentId}/plan`);
        return res.status === 200 && Boolean(res.body?.data?.plan?.documentId);
      },
    },
    {
      route: 'PUT /sharing/records/:ownerId/plan',
      section: 'plans',
      allowed: ['staffGranted'],
      attempt: async (w, a) => {
        const notes = newMarker();
        await call(w, a, 'PUT', `/sharing/records/${w.ownerDocumentId}/plan`, {
          data: { title: 'Vorschlag', notes },
        });
        return (
          (await w.cms.strapi.db
            .query('api::integration-plan.integration-plan')
            .count({ where: { notes, owner: { id: w.ownerId } } })) > 0
        );
      },
    },
    {
      route: 'POST /sharing/records/:ownerId/plan/propose',
      section: 'plans',
      allowed: ['staffGranted'],
      attempt: async (w, a) => {
        const PLAN = 'api::integration-plan.integration-plan';
        const plans = w.cms.strapi.db.query(PLAN);
        const ids = (
          await plans.findMany({ where: { owner: { id: w.ownerId } }, select: ['id'] })
        ).map((row: { id: number }) => row.id);
        await plans.updateMany({ where: { id: { $in: ids } }, data: { planStatus: 'draft' } });
        await call(w, a, 'POST', `/sharing/records/${w.ownerDocumentId}/plan/propose`, {});
        const proposed =
          (await plans.count({ where: { owner: { id: w.ownerId }, planStatus: 'proposed' } })) > 0;
        await plans.update({
          where: { documentId: w.proposedPlan },
          data: { planStatus: 'proposed' },
        });
        return proposed;
      },
    },
    {
      route: 'GET /sharing/statistics',
      section: 'profile',
      allowed: ADMINS,
      attempt: async (w, a) =>
        (await call(w, a, 'GET', '/sharing/statistics?from=2026-01&to=2026-12')).status === 200,
    },
    {
      route: 'POST /sharing/accounts/lookup',
      section: 'profile',
      allowed: ADMINS,
      attempt: async (w, a) =>
        mentions(
          (
            await call(w, a, 'POST', '/sharing/accounts/lookup', {
              data: { email: w.ownerEmail, reason: 'request' },
            })
          ).body,
          w.ownerDocumentId,
        ),
    },
    {
      route: 'POST /sharing/accounts/:accountNumber/lock',
      section: 'profile',
      allowed: ADMINS,
      attempt: async (w, a) => {
        await call(w, a, 'POST', `/sharing/accounts/${w.ownerDocumentId}/lock`, {
          data: { reason: 'other', note: 'Matrix-Test' },
        });
        const locked =
          (await w.cms.strapi.db.query(USER).count({ where: { id: w.ownerId, blocked: true } })) >
          0;
        await w.cms.strapi.db
          .query(USER)
          .update({ where: { id: w.ownerId }, data: { blocked: false } });
        await newOwnerSession(w);
        return locked;
      },
    },
    {
      route: 'POST /sharing/accounts/:accountNumber/unlock',
      section: 'profile',
      allowed: ADMINS,
      attempt: async (w, a) => {
        await w.cms.strapi.db
          .query(USER)
          .update({ where: { id: w.ownerId }, data: { blocked: true } });
        await call(w, a, 'POST', `/sharing/accounts/${w.ownerDocumentId}/unlock`, {
          data: { reason: 'other', note: 'Matrix-Test' },
        });
        const unlocked =
          (await w.cms.strapi.db.query(USER).count({ where: { id: w.ownerId, blocked: false } })) >
          0;
        await w.cms.strapi.db
          .query(USER)
          .update({ where: { id: w.ownerId }, data: { blocked: false } });
        await newOwnerSession(w);
        return unlocked;
      },
    },
    {
      route: 'POST /sharing/accounts/:accountNumber/delete',
      section: 'profile',
      allowed: ADMINS,
      attempt: async (w, a) => {
        // With the holder's deletion code, as an erasure at once needs it.
        const { id, jwt } = await registerNewcomer(w.cms);
        const { documentId } = await w.cms.strapi.db
          .query(USER)
          .findOne({ where: { id }, select: ['documentId'] });
        const { code } = (
          await api(w.cms, 'POST', '/api/sharing/account/deletion-code', { token: jwt })
        ).body.data;
        await call(w, a, 'POST', `/sharing/accounts/${documentId}/delete`, {
          data: { reason: 'request', code },
        });
        return (await w.cms.strapi.db.query(USER).count({ where: { id } })) === 0;
      },
    },
    {
      route: 'GET /sharing/accounts/reasons',
      section: 'profile',
      allowed: ADMINS,
      attempt: async (w, a) =>
        (await call(w, a, 'GET', '/sharing/accounts/reasons')).status === 200,
    },
  ];
}
