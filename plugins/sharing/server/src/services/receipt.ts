import type { Core } from '@strapi/strapi';
import {
  SECTIONS,
  ACCESS_LEVELS,
  DISTRICT_TIME_ZONE,
  dirOf,
  fill,
  receiptLabels,
  type Locale,
} from '@mobio/config';
import type { Actor } from '../access';
import { pluginConfig } from '../config';
import { UID } from '../uids';
import { getService } from '../utils';
import { notFound } from './grant';

type Newcomer = Extract<Actor, { kind: 'newcomer' }>;
type Section = (typeof SECTIONS.codes)[number];

/** Consent receipts: what a grant allows, in words the owner can keep. */
const receipt = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The consent receipt of one of the owner's grants, in the owner's language: plain data for
   * the site's page and the PDF (ISO/IEC TS 27560 / Kantara fields, the controller from the configuration).
   */
  async forGrant(owner: Newcomer, documentId: string, locale: Locale) {
    const grant = (await getService(strapi, 'grant').list(owner)).find(
      (row) => row.documentId === documentId,
    );
    if (!grant) throw notFound('error.notFound');
    const { municipality, site } = pluginConfig(strapi);
    const profile = await strapi.db
      .query(UID.profile)
      .findOne({ where: { owner: { id: owner.id } }, select: ['givenNames', 'familyName'] });
    const user = await strapi.db
      .query(UID.user)
      .findOne({ where: { id: owner.id }, select: ['email'] });
    const labels = receiptLabels(locale);
    const revokeUrl = `${site.publicUrl}/${locale}/sharing`;
    const date = (value: string | Date) =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'long',
        calendar: 'gregory',
        timeZone: DISTRICT_TIME_ZONE,
      }).format(new Date(value));
    const status = grant.revokedAt
      ? fill(labels.revoked, { date: date(grant.revokedAt) })
      : grant.active
        ? labels.active
        : labels.expired;
    const categories = (grant.sections as Section[]).map((section) =>
      SECTIONS.label(section, locale),
    );
    return {
      receiptId: grant.documentId,
      version: 'mobio-consent-receipt/1 (ISO/IEC TS 27560)',
      locale,
      dir: dirOf(locale),
      issuedAt: date(new Date()),
      labels,
      controller: {
        name: municipality.name,
        address: municipality.address,
        email: municipality.email,
        privacyOfficer: municipality.privacyOfficer,
      },
      dataSubject: profile ? `${profile.givenNames} ${profile.familyName}` : user.email,
      recipient: grant.grantee
        ? [grant.grantee.name, grant.grantee.organisation].filter(Boolean).join(', ')
        : '—',
      purpose: grant.purpose,
      categories,
      categoriesText: new Intl.ListFormat(locale, { type: 'unit' }).format(categories),
      access: ACCESS_LEVELS.label(grant.access, locale),
      validFrom: date(grant.createdAt),
      validUntil: date(grant.expiresAt),
      status,
      howToRevoke: fill(labels.howToRevoke, { url: revokeUrl }),
      // The sentence around the link, for the PDF to keep the address on one line.
      howToRevokeParts: labels.howToRevoke.split('{url}'),
      revokeUrl,
    };
  },
});

export type ReceiptService = ReturnType<typeof receipt>;
export default receipt;
