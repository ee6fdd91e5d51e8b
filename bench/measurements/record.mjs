// @ts-check
import { call, createPlan } from '../http.mjs';

/**
 * @typedef {(targets: { url: string, headers?: Record<string, string> }[], connections: number) => Promise<any[]>} Run
 * One autocannon run of the targets side by side (measure.mjs), the CMS settled in between.
 */

/**
 * Readies the measured record: staff 0 writes newcomer 0's plan (newcomer 0 shares everything with
 * staff 0, so the record has all six sections), then reads it checked and plain once; what the
 * report says of the record (its sections and sizes).
 * @param {string} cmsUrl
 * @param {string} staffToken
 * @param {{ id: number, documentId: string }} owner
 */
export async function prepareRecord(cmsUrl, staffToken, owner) {
  await createPlan(cmsUrl, staffToken, owner.documentId);
  const record = await call(cmsUrl, 'GET', `/sharing/records/${owner.documentId}`, {
    token: staffToken,
  });
  if (record.status !== 200)
    throw new Error(`the measured record: ${record.status} ${record.text}`);
  const recordSections = record.json.data.sections.map(
    (section) => `${section.code} ${section.entries.length}`,
  );
  const plain = await call(cmsUrl, 'GET', `/bench/plain-record/${owner.documentId}`, {
    token: staffToken,
  });
  if (plain.status !== 200) throw new Error(`the plain record: ${plain.status} ${plain.text}`);
  const recordBytes = { checked: record.text.length, plain: plain.text.length };
  return { recordSections, recordBytes };
}

/**
 * 1: a grantee reading a newcomer's full record through the checked route vs. a plain read of the
 * same data on the same server, at each number of connections.
 * @param {Run} run
 * @param {{ cmsUrl: string, staffToken: string, owner: { documentId: string }, connections: number[] }} actors
 */
export async function measureRecord(run, { cmsUrl, staffToken, owner, connections }) {
  const headers = { authorization: `Bearer ${staffToken}` };
  const rows = [];
  for (const c of connections) {
    const [checked, baseline] = await run(
      [
        { url: `${cmsUrl}/sharing/records/${owner.documentId}`, headers },
        { url: `${cmsUrl}/bench/plain-record/${owner.documentId}`, headers },
      ],
      c,
    );
    rows.push({ connections: c, checked, baseline });
  }
  return rows;
}
