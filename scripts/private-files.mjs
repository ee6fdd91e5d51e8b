// @ts-check
/**
 * Personal data on disk is readable by its owner only, whatever the umask of the shell or cron job
 * that writes it (the systemd units' UMask=0077 covers only the services): folders 0700, files 0600.
 */
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** Creates a folder (and missing parents) as 0700; an existing folder is set to 0700 too. */
export function privateDir(dir) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Creates an empty file as 0600 if it is missing; an existing one is set to 0600. */
export function privateFile(file) {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/** Sets a whole tree owner-only: folders 0700, files 0600 (symbolic links are left alone). */
export function privateTree(root) {
  if (!existsSync(root)) return;
  const stat = lstatSync(root);
  if (stat.isSymbolicLink()) return;
  if (!stat.isDirectory()) return chmodSync(root, 0o600);
  chmodSync(root, 0o700);
  for (const entry of readdirSync(root)) privateTree(join(root, entry));
}

/**
 * The SQLite database before Strapi opens it: the file (created empty if missing, which SQLite
 * takes for an empty database) and any journal beside it 0600 (SQLite gives new journal and WAL
 * files the mode of the database file); its folder 0700 when it is created here or when
 * `ownFolder` says it holds nothing else (an existing folder of the operator's, say the
 * repository's top, keeps its mode).
 */
export function privateSqlite(filename, { ownFolder = false } = {}) {
  const dir = dirname(filename);
  if (ownFolder || !existsSync(dir)) privateDir(dir);
  privateFile(filename);
  for (const suffix of ['-wal', '-shm', '-journal'])
    if (existsSync(filename + suffix)) chmodSync(filename + suffix, 0o600);
}
