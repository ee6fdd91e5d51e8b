import type { Core } from '@strapi/strapi';
import {
  DEFAULT_LOCALE,
  DISTRICT_TIME_ZONE,
  RETENTION_NOTICE,
  fill,
  isOffered,
  type Locale,
} from '@mobio/config';
import { AUDITED_EVENTS } from './audit';
import { withJobLock } from '../job-lock';
import { getService } from '../utils';
import { linkedTo } from '../linked-to';
import { pluginConfig } from '../config';
import { UID } from '../uids';
const DAY = 86_400_000;
export const RETENTION_JOB = 'mobio-retention';

/** The language a newcomer's mail is written in: their site language, German when the installation no longer offers it. */
export async function mailLocaleOf(strapi: Core.Strapi, userId: number): Promise<Locale> {
  const profile = await strapi.db
    .query(UID.profile)
    .findOne({ where: { owner: { id: userId } }, select: ['uiLocale'] });
  return isOffered(pluginConfig(strapi).locales, profile?.uiLocale)
    ? profile.uiLocale
    : DEFAULT_LOCALE;
}

/** A date in a newcomer's mail, as the district counts days. */
export const noticeDate = (locale: Locale, date: Date) =>
  new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    calendar: 'gregory',
    timeZone: DISTRICT_TIME_ZONE,
  }).format(date);

/** A mail's subject and body in every language, with {placeholders}. */
interface DatedNotice {
  subject: Record<Locale, string>;
  body: Record<Locale, string>;
}

/**
 * Mails a holder a notice that names a date (the retention notice, an announced erasure) in their
 * language, with the login link and the district's name; `more` adds placeholders in that language.
 */
export async function mailDatedNotice(
  strapi: Core.Strapi,
  user: { id: number; email: string },
  notice: DatedNotice,
  date: Date,
  more: (locale: Locale) => Record<string, string> = () => ({}),
): Promise<void> {
  const { site, municipality } = pluginConfig(strapi);
  const locale = await mailLocaleOf(strapi, user.id);
  await strapi
    .plugin('email')
    .service('email')
    .send({
      to: user.email,
      subject: notice.subject[locale],
      text: fill(notice.body[locale], {
        date: noticeDate(locale, date),
        url: `${site.publicUrl}/${locale}/login`,
        municipality: municipality.name,
        ...more(locale),
      }),
    });
}

/**
 * Retention: accounts unused for RETENTION_INACTIVE_DAYS get an e-mail notice in their language
 * (those without e-mail only the entry in their log),
 * and are erased RETENTION_NOTICE_DAYS later if still unused; accounts whose erasure the district
 * office announced are erased when its notice period ends; grants past expiry are marked
 * expired in the owner's log. Runs as a Strapi cron job; `run(now)` takes the clock as a
 * parameter so that tests can move it.
 */
const retention = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => pluginConfig(strapi);
  // Last day each account was seen, so that activity is written once a day, not on every request.
  const seen = new Map<number, string>();
  // A run still going in this process when the schedule comes round again.
  let running = false;

  return {
    /** Notes that a newcomer used MoBio today; a later notice no longer counts once they are back. */
    async touch(userId: number, now = new Date()) {
      const day = now.toISOString().slice(0, 10);
      if (seen.get(userId) === day) return;
      seen.set(userId, day);
      const row = await strapi.db.query(UID.accountActivity).findOne({
        where: { id: { $in: linkedTo(strapi, UID.accountActivity, 'owner', userId) } },
        select: ['id'],
      });
      if (row)
        await strapi.db
          .query(UID.accountActivity)
          .update({ where: { id: row.id }, data: { lastActiveAt: now, noticeSentAt: null } });
      else
        await strapi.db
          .query(UID.accountActivity)
          .create({ data: { owner: userId, lastActiveAt: now } });
    },

    /**
     * What the cron job calls: `run`, unless it is already running in this process or, with
     * several CMS instances on one PostgreSQL database, on another instance (then null). A run
     * after another has finished finds nothing left to do.
     */
    async runOnce(now = new Date()) {
      if (running) return null;
      running = true;
      try {
        return await withJobLock(strapi, RETENTION_JOB, () => this.run(now));
      } finally {
        running = false;
      }
    },

    async run(now = new Date()) {
      const { inactiveDays, noticeDays } = config().retention;
      const audit = getService(strapi, 'audit');

      const expired = await strapi.db.query(UID.grant).findMany({
        where: { expiresAt: { $lte: now }, expiredAt: { $null: true }, revokedAt: { $null: true } },
        select: ['id', 'documentId'],
        populate: { owner: { select: ['id'] } },
      });
      for (const grant of expired) {
        await strapi.db
          .query(UID.grant)
          .update({ where: { id: grant.id }, data: { expiredAt: now } });
        if (grant.owner) {
          await audit.record([
            {
              actor: { kind: 'system' },
              ownerId: grant.owner.id,
              action: AUDITED_EVENTS.GRANT_EXPIRE,
              resource: { type: UID.grant, id: grant.documentId },
            },
          ]);
        }
      }

      // Accounts never seen since this job exists count from their creation.
      const users = await strapi.db
        .query(UID.user)
        .findMany({ select: ['id', 'email', 'createdAt'] });
      const activity = new Map<number, { lastActiveAt: string; noticeSentAt: string | null }>();
      for (const row of await strapi.db
        .query(UID.accountActivity)
        .findMany({ populate: { owner: { select: ['id'] } } })) {
        if (row.owner) activity.set(row.owner.id, row);
      }
      const notified: number[] = [];
      const erased: number[] = [];
      // Erasures the district office announced on a newcomer's request, which the holder did not stop.
      const erasedOnRequest = await getService(strapi, 'erasure-request').eraseDue(now);
      for (const user of users) {
        if (erasedOnRequest.includes(user.id)) continue;
        const seenAt = new Date(activity.get(user.id)?.lastActiveAt ?? user.createdAt).getTime();
        const noticeAt = activity.get(user.id)?.noticeSentAt;
        if (noticeAt && now.getTime() - new Date(noticeAt).getTime() >= noticeDays * DAY) {
          await strapi.plugin('users-permissions').service('user').remove({ id: user.id });
          erased.push(user.id);
        } else if (!noticeAt && now.getTime() - seenAt >= inactiveDays * DAY) {
          // An account without e-mail gets no mail (there is no one to send it to): the site tells
          // such a person at login and on the dashboard, and the notice period runs all the same.
          if (user.email) await this.sendNotice(user, new Date(now.getTime() + noticeDays * DAY));
          await strapi.db
            .query(UID.accountActivity)
            .deleteMany({ where: { owner: { id: user.id } } });
          await strapi.db.query(UID.accountActivity).create({
            data: { owner: user.id, lastActiveAt: new Date(seenAt), noticeSentAt: now },
          });
          await audit.record([
            {
              actor: { kind: 'system' },
              ownerId: user.id,
              action: AUDITED_EVENTS.RETENTION_NOTICE,
            },
          ]);
          notified.push(user.id);
        }
      }
      return { expiredGrants: expired.length, notified, erased, erasedOnRequest };
    },

    sendNotice(user: { id: number; email: string }, erasureDate: Date) {
      return mailDatedNotice(strapi, user, RETENTION_NOTICE, erasureDate);
    },
  };
};

export type RetentionService = ReturnType<typeof retention>;
export default retention;
