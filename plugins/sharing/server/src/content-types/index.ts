import accountActivity from './account-activity';
import auditEvent from './audit-event';
import catalogueEntry from './catalogue-entry';
import erasureRequest from './erasure-request';
import grant from './grant';
import invitation from './invitation';
import staffLookup from './staff-lookup';
import staffListing from './staff-listing';

export default {
  grant,
  'audit-event': auditEvent,
  invitation,
  'staff-listing': staffListing,
  'account-activity': accountActivity,
  'catalogue-entry': catalogueEntry,
  'erasure-request': erasureRequest,
  'staff-lookup': staffLookup,
};
