// @ts-check
import { randomBytes } from 'node:crypto';

/* What every seeded row is made of: deterministic random values, Strapi-like ids and dates. */

export const DAY = 86_400_000;
/** The columns every Strapi document row has after its id. */
export const STAMP = ['document_id', 'created_at', 'updated_at', 'published_at'];

/** A small deterministic random source, so that two runs seed the same district. */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** A Strapi-like documentId: 24 lower-case letters and digits. */
export function documentId() {
  const bytes = randomBytes(24);
  let id = ALPHABET[bytes[0] % 26];
  for (let i = 1; i < 24; i++) id += ALPHABET[bytes[i] % 36];
  return id;
}
export const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
