import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@mobio/config';

// Stands in for `npm audit` (the registry's audit endpoint answers 405 here): security-floor.json
// names the lowest version that answers each published advisory, and what is installed is what
// package-lock.json says, nested copies included — an old copy deep in the tree is still loaded.

type Floor = { names: string[]; min: string; answers: Record<string, string> };
type SecurityFloor = { node: { min: string }; packages: Floor[] };
type Lock = {
  packages: Record<string, { version?: string; link?: boolean; engines?: { node?: string } }>;
};

const read = <T>(file: string): T => JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as T;
const floor = read<SecurityFloor>('security-floor.json');
const lock = read<Lock>('package-lock.json');

/** Every installed copy of each package in `lock` as `name@version (path)`, by package name. */
function installed(packages: Lock['packages']): Map<string, { version: string; path: string }[]> {
  const copies = new Map<string, { version: string; path: string }[]>();
  for (const [path, entry] of Object.entries(packages)) {
    if (!path.includes('node_modules/') || entry.link || !entry.version) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    copies.set(name, [...(copies.get(name) ?? []), { version: entry.version, path }]);
  }
  return copies;
}

/** The installed copies older than their floor, as `path version < min`. */
function belowFloor(packages: Lock['packages'], floors: Floor[]): string[] {
  const copies = installed(packages);
  return floors.flatMap(({ names, min }) =>
    names.flatMap((name) =>
      (copies.get(name) ?? [])
        .filter(({ version }) => semver.lt(version, min))
        .map(({ path, version }) => `${path} ${version} < ${min}`),
    ),
  );
}

describe('security floor', () => {
  it('names for every floor the advisories it answers and only packages the lockfile holds', () => {
    const copies = installed(lock.packages);
    for (const { names, min, answers } of floor.packages) {
      expect(semver.valid(min), min).toBeTruthy();
      expect(Object.keys(answers).length, names.join(' ')).toBeGreaterThan(0);
      // A renamed or dropped package must not pass the check by no longer matching anything.
      for (const name of names) expect(copies.has(name), `${name} in package-lock.json`).toBe(true);
    }
  });

  it('finds no installed package below its floor, nested copies included', () => {
    expect(belowFloor(lock.packages, floor.packages)).toEqual([]);
  });

  it('reports a copy below its floor, also a nested one', () => {
    const packages = {
      '': { version: '0.1.0' },
      'node_modules/astro': { version: '7.3.5' },
      'site/node_modules/astro': { version: '5.18.2' },
      'node_modules/@astrojs/node': { version: '9.5.4' },
    };
    expect(belowFloor(packages, [{ names: ['astro'], min: '7.2.8', answers: {} }])).toEqual([
      'site/node_modules/astro 5.18.2 < 7.2.8',
    ]);
    expect(belowFloor(packages, [{ names: ['@astrojs/node'], min: '9.5.5', answers: {} }])).toEqual(
      ['node_modules/@astrojs/node 9.5.4 < 9.5.5'],
    );
  });

  it('lets package.json engines admit no Node.js older than the floor', () => {
    for (const file of [
      'package.json',
      'config/package.json',
      'plugins/sharing/package.json',
      'cms/package.json',
      'site/package.json',
    ]) {
      const range = read<{ engines?: { node?: string } }>(file).engines?.node;
      if (file === 'package.json')
        expect(range, 'the root names the Node it runs on').toBeDefined();
      if (range)
        expect(semver.minVersion(range)?.version, `${file} engines.node ${range}`).toSatisfy(
          (lowest: string) => semver.gte(lowest, floor.node.min),
        );
    }
    // npm ci installs from the lockfile's copy of the root package.json: the same range.
    expect(lock.packages['']?.engines?.node).toBe(
      read<{ engines: { node: string } }>('package.json').engines.node,
    );
  });
});
