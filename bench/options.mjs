// @ts-check
import { parseArgs } from 'node:util';

const ITEMS = { 1: 'record', 2: 'shared', 3: 'dashboard', 4: 'documents', 5: 'start' };

/**
 * The benchmark's options from the command line (see bench.mjs), checked; throws on a bad one.
 * `databases` follows --db, or DATABASE_CLIENT=postgres for both.
 */
export function parseOptions() {
  const { values: args } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      duration: { type: 'string', default: '10' },
      'load-duration': { type: 'string', default: '60' },
      'load-users': { type: 'string', default: '100' },
      think: { type: 'string', default: '3000' },
      starts: { type: 'string', default: '3' },
      connections: { type: 'string', default: '1,50' },
      db: { type: 'string' },
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
    },
  });
  const options = {
    scale: Number(args.scale),
    duration: Number(args.duration),
    loadDuration: Number(args['load-duration']),
    loadUsers: Number(args['load-users']),
    starts: Number(args.starts),
  };
  const thinkTimes = args.think.split(',').map(Number);
  if (!thinkTimes.every((t) => t >= 0))
    throw new Error('--think: expected a list of milliseconds (0 or more)');
  for (const [name, value] of Object.entries(options)) {
    if (!(value > 0)) throw new Error(`--${name}: expected a positive number`);
  }
  const connections = args.connections.split(',').map(Number);
  if (!connections.every((c) => Number.isInteger(c) && c > 0))
    throw new Error('--connections: expected a list of positive integers');
  const only = new Set(
    (args.only ?? '1,2,3,4,5,load,plans')
      .split(',')
      .map((item) => ITEMS[item.trim()] ?? item.trim()),
  );
  for (const item of only) {
    if (!['record', 'shared', 'dashboard', 'documents', 'start', 'load', 'plans'].includes(item))
      throw new Error(`--only: unknown item ${item}`);
  }
  const postgresConfigured = process.env.DATABASE_CLIENT === 'postgres';
  // --db: sqlite, postgres or both.
  const databases = /** @type {('sqlite' | 'postgres')[]} */ (
    args.db === 'both'
      ? ['sqlite', 'postgres']
      : args.db
        ? [args.db]
        : postgresConfigured
          ? ['sqlite', 'postgres']
          : ['sqlite']
  );
  if (databases.includes('postgres') && !postgresConfigured)
    throw new Error(
      '--db postgres needs DATABASE_CLIENT=postgres and the DATABASE_* connection variables',
    );
  return {
    ...options,
    thinkTimes,
    connections,
    only,
    databases,
    keep: args.keep,
    cpuProf: args['cpu-prof'],
  };
}

/** @typedef {ReturnType<typeof parseOptions>} BenchOptions */
