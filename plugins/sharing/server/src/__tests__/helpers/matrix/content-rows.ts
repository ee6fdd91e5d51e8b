import {
  PERSONAL,
  SAMPLE,
  call,
  countAll,
  exists,
  marked,
  mentions,
  namesOwnersRecord,
  newMarker,
  seedRecord,
  type ActorName,
  type Row,
} from './world';

/** Content API routes of the personal types: only the owner, with their own JWT. */
export function contentApiRows(): Row[] {
  const rows: Row[] = [];
  const owner = ['owner'] as const;
  for (const [uid, { section, rest, marker }] of Object.entries(PERSONAL)) {
    if (uid === 'api::profile.profile') {
      rows.push(
        {
          route: 'GET /api/profiles/me',
          section,
          allowed: owner,
          attempt: async (w, a) =>
            mentions((await call(w, a, 'GET', '/api/profiles/me')).body, w.records[uid]),
        },
        {
          route: 'PUT /api/profiles/me',
          section,
          allowed: owner,
          attempt: async (w, a) => {
            const value = newMarker();
            await call(w, a, 'PUT', '/api/profiles/me', {
              data: { ...SAMPLE[uid], [marker!]: value },
            });
            return marked(w, uid, value);
          },
        },
      );
      continue;
    }
    const base = `/api/${rest}`;
    const writable = Boolean(marker) && uid !== 'api::integration-plan.integration-plan';
    rows.push(
      {
        route: `GET ${base}`,
        section,
        allowed: owner,
        attempt: async (w, a) => mentions((await call(w, a, 'GET', base)).body, w.records[uid]),
      },
      {
        route: `GET ${base}/:id`,
        section,
        allowed: owner,
        attempt: async (w, a) =>
          mentions((await call(w, a, 'GET', `${base}/${w.records[uid]}`)).body, w.records[uid]),
      },
    );
    if (!writable) continue;
    rows.push(
      {
        route: `PUT ${base}/:id`,
        section,
        allowed: owner,
        attempt: async (w, a) => {
          const value = newMarker();
          await call(w, a, 'PUT', `${base}/${w.records[uid]}`, {
            data: { ...SAMPLE[uid], [marker!]: value },
          });
          return marked(w, uid, value);
        },
      },
      {
        route: `DELETE ${base}/:id`,
        section,
        allowed: owner,
        attempt: async (w, a) => {
          const id = await seedRecord(w, uid);
          await call(w, a, 'DELETE', `${base}/${id}`);
          return !(await exists(w, uid, id));
        },
      },
    );
    if (uid !== 'api::document.document') {
      // Every new row counts, whoever owns it: another newcomer creating their own is allowed.
      rows.push({
        route: `POST ${base}`,
        section,
        allowed: ['owner', 'otherNewcomer'],
        attempt: async (w, a) => {
          const before = await countAll(w, uid);
          await call(w, a, 'POST', base, { data: { ...SAMPLE[uid], [marker!]: newMarker() } });
          return (await countAll(w, uid)) > before;
        },
      });
    }
  }
  return rows;
}

/**
 * Content Manager routes: nobody here. Integration managers hold no Content Manager permission (one
 * door: MoBio's pages); the District administrator none on personal types; the super admin only
 * under the sharing rule, and holds no grant here.
 */
const NO_CONTENT_MANAGER: ActorName[] = [];
export function contentManagerRows(): Row[] {
  const rows: Row[] = [];
  const CT = '/content-manager/collection-types';
  for (const [uid, { section, marker }] of Object.entries(PERSONAL)) {
    const base = `${CT}/${uid}`;
    rows.push(
      {
        route: `GET ${CT}/:model`,
        section,
        allowed: NO_CONTENT_MANAGER,
        attempt: async (w, a) => mentions((await call(w, a, 'GET', base)).body, w.records[uid]),
      },
      {
        route: `GET ${CT}/:model/:id`,
        section,
        allowed: NO_CONTENT_MANAGER,
        attempt: async (w, a) =>
          mentions((await call(w, a, 'GET', `${base}/${w.records[uid]}`)).body, w.records[uid]),
      },
      {
        route: `POST ${CT}/:model`,
        section,
        allowed: NO_CONTENT_MANAGER,
        attempt: async (w, a) => {
          const before = await countAll(w, uid);
          await call(w, a, 'POST', base, {
            ...SAMPLE[uid],
            owner: { connect: [{ id: w.ownerId }] },
          });
          return (await countAll(w, uid)) > before;
        },
      },
      {
        route: `DELETE ${CT}/:model/:id`,
        section,
        allowed: [],
        attempt: async (w, a) => {
          const id = await seedRecord(w, uid);
          await call(w, a, 'DELETE', `${base}/${id}`);
          return !(await exists(w, uid, id));
        },
      },
      {
        route: `POST ${CT}/:model/actions/bulkDelete`,
        section,
        allowed: [],
        attempt: async (w, a) => {
          const id = await seedRecord(w, uid);
          await call(w, a, 'POST', `${base}/actions/bulkDelete`, { documentIds: [id] });
          return !(await exists(w, uid, id));
        },
      },
      {
        route: `POST ${CT}/:model/clone/:sourceId`,
        section,
        allowed: [],
        attempt: async (w, a) => {
          const before = await countAll(w, uid);
          await call(w, a, 'POST', `${base}/clone/${w.records[uid]}`, {});
          return (await countAll(w, uid)) > before;
        },
      },
      {
        route: `POST ${CT}/:model/auto-clone/:sourceId`,
        section,
        allowed: [],
        attempt: async (w, a) => {
          const before = await countAll(w, uid);
          await call(w, a, 'POST', `${base}/auto-clone/${w.records[uid]}`, {});
          return (await countAll(w, uid)) > before;
        },
      },
      {
        route: `POST ${CT}/:model/actions/bulkFindForValidation`,
        section,
        allowed: NO_CONTENT_MANAGER,
        attempt: async (w, a) =>
          mentions(
            (
              await call(w, a, 'POST', `${base}/actions/bulkFindForValidation`, {
                documentIds: [w.records[uid]],
              })
            ).body,
            w.records[uid],
          ),
      },
      ...(['publish', 'unpublish', 'discard'] as const).map((action): Row => ({
        route: `POST ${CT}/:model/:id/actions/${action}`,
        section,
        allowed: [],
        attempt: async (w, a) =>
          (await call(w, a, 'POST', `${base}/${w.records[uid]}/actions/${action}`, {})).status ===
          200,
      })),
      ...(['publish', 'bulkPublish', 'bulkUnpublish'] as const).map((action): Row => ({
        route: `POST ${CT}/:model/actions/${action}`,
        section,
        allowed: [],
        attempt: async (w, a) =>
          (
            await call(w, a, 'POST', `${base}/actions/${action}`, {
              documentIds: [w.records[uid]],
              ...SAMPLE[uid],
            })
          ).status === 200,
      })),
    );
    if (marker && uid !== 'api::plan-version.plan-version') {
      rows.push({
        route: `PUT ${CT}/:model/:id`,
        section,
        allowed: NO_CONTENT_MANAGER,
        attempt: async (w, a) => {
          const value = newMarker();
          await call(w, a, 'PUT', `${base}/${w.records[uid]}`, { ...SAMPLE[uid], [marker]: value });
          return marked(w, uid, value);
        },
      });
    }
  }
  // The relation pickers query the database directly, not through the document service.
  for (const [field, target] of [
    ['educationEntry', 'api::education-entry.education-entry'],
    ['employmentEntry', 'api::employment-entry.employment-entry'],
    ['languageSkill', 'api::language-skill.language-skill'],
  ] as const) {
    const { section } = PERSONAL[target];
    rows.push(
      {
        route: 'GET /content-manager/relations/:model/:targetField',
        section,
        allowed: NO_CONTENT_MANAGER,
        attempt: async (w, a) =>
          namesOwnersRecord(
            w,
            target,
            (
              await call(
                w,
                a,
                'GET',
                `/content-manager/relations/api::document.document/${field}?pageSize=100`,
              )
            ).body,
          ),
      },
      {
        route: 'GET /content-manager/relations/:model/:id/:targetField',
        section,
        allowed: NO_CONTENT_MANAGER,
        attempt: async (w, a) =>
          mentions(
            (
              await call(
                w,
                a,
                'GET',
                `/content-manager/relations/api::document.document/${w.records['api::document.document']}/${field}`,
              )
            ).body,
            w.records[target],
          ),
      },
    );
  }
  return rows;
}
