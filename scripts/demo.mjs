#!/usr/bin/env node
// @ts-check
// Fills the configured database with the demo district (invented people, public passwords).
import { loadConfig } from '@mobio/config';
import { seedDemo, demoAccounts } from '../database/demo/seed.mjs';
import { withStrapi } from './strapi.mjs';

loadConfig({ generateSecrets: true });
const { seeded } = await withStrapi(seedDemo);
console.log(
  seeded ? '[mobio] Demo data loaded.' : '[mobio] Demo data was already there; nothing changed.',
);
console.log(JSON.stringify(demoAccounts(), null, 2));
