/**
 * The content types the plugin works with, by UID: its own, the CMS's personal records and
 * users-permissions' accounts. Which of them are personal, and in which section, the schemas say
 * (`pluginOptions.sharing`, read by the access service), not this list.
 */
export const UID = {
  grant: 'plugin::sharing.grant',
  auditEvent: 'plugin::sharing.audit-event',
  accountActivity: 'plugin::sharing.account-activity',
  catalogueEntry: 'plugin::sharing.catalogue-entry',
  erasureRequest: 'plugin::sharing.erasure-request',
  staffLookup: 'plugin::sharing.staff-lookup',
  invitation: 'plugin::sharing.invitation',
  staffListing: 'plugin::sharing.staff-listing',
  user: 'plugin::users-permissions.user',
  profile: 'api::profile.profile',
  languageSkill: 'api::language-skill.language-skill',
  educationEntry: 'api::education-entry.education-entry',
  employmentEntry: 'api::employment-entry.employment-entry',
  document: 'api::document.document',
  integrationPlan: 'api::integration-plan.integration-plan',
  planVersion: 'api::plan-version.plan-version',
  organisation: 'api::organisation.organisation',
  infoPage: 'api::info-page.info-page',
  infoEvent: 'api::info-event.info-event',
} as const;

/** The plugin's route policies, as routes name them. */
export const POLICY = {
  isNewcomer: 'plugin::sharing.is-newcomer',
  isStaff: 'plugin::sharing.is-staff',
} as const;
