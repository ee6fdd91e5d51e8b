import type { Knex } from 'knex';
import { NON_IDENTIFYING_USERNAME, newUsername } from '@mobio/config';

/**
 * Until now the site registered every account with the e-mail address as username, and usernames
 * are what Strapi shows of an account wherever one is linked. Every username that is not one of
 * the made-up kind is replaced by one; logins are by e-mail and keep working. Once: new accounts
 * get a made-up username at registration.
 */
export async function up(knex: Knex): Promise<void> {
  // A new installation: the table comes with the first schema sync, empty.
  if (!(await knex.schema.hasTable('up_users'))) return;
  const users: Array<{ id: number; username: string | null }> = await knex('up_users').select(
    'id',
    'username',
  );
  for (const user of users) {
    if (!NON_IDENTIFYING_USERNAME.test(user.username ?? ''))
      await knex('up_users').where({ id: user.id }).update({ username: newUsername() });
  }
}

// The old usernames are not kept anywhere: there is nothing to go back to.
export async function down(): Promise<void> {}
