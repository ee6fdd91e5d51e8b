// @ts-check

/**
 * 2: "shared with me" of the staff member with the most grants: its first page and a search.
 * @param {import('./record.mjs').Run} run
 * @param {{ cmsUrl: string, staffToken: string, search: string, connections: number[] }} actors
 */
export async function measureShared(run, { cmsUrl, staffToken, search, connections }) {
  const headers = { authorization: `Bearer ${staffToken}` };
  const rows = [];
  for (const c of connections) {
    const [first, searched] = await run(
      [
        { url: `${cmsUrl}/sharing/shared-with-me`, headers },
        {
          url: `${cmsUrl}/sharing/shared-with-me?search=${encodeURIComponent(search)}`,
          headers,
        },
      ],
      c,
    );
    rows.push({ connections: c, first, search: searched });
  }
  return rows;
}
