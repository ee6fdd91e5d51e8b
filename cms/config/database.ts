import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import mobio from './mobio';

export default () => {
  const { database } = mobio();
  if (database.client === 'sqlite') {
    mkdirSync(dirname(database.filename), { recursive: true });
    return {
      connection: {
        client: 'sqlite',
        connection: { filename: database.filename },
        useNullAsDefault: true,
      },
    };
  }
  return {
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
