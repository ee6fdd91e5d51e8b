import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import mobio from './mobio';

// Migrations are TypeScript in database/migrations, compiled with the CMS: Strapi then reads them
// from dist/database/migrations (see the migration files for how they run).
const settings = { useTypescriptMigrations: true };

export default () => {
  const { database } = mobio();
  if (database.client === 'sqlite') {
    mkdirSync(dirname(database.filename), { recursive: true });
    return {
      settings,
      connection: {
        client: 'sqlite',
        connection: { filename: database.filename },
        useNullAsDefault: true,
      },
    };
  }
  return {
    settings,
    connection: {
      client: 'postgres',
      connection: {
        host: database.host,
        port: database.port,
        database: database.database,
        user: database.user,
        password: database.password,
        schema: database.schema,
        ssl: database.ssl ? { rejectUnauthorized: true } : false,
      },
      pool: { min: 0, max: 10 },
    },
  };
};
