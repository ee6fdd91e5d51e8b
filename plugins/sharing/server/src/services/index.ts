import access from './access';
import accounts from './accounts';
import audit from './audit';
import catalogue from './catalogue';
import cv from './cv';
import erasure from './erasure';
import erasureRequest from './erasure-request';
import exporter from './export';
import grant from './grant';
import importer from './import';
import invitation from './invitation';
import limits from './limits';
import overview from './overview';
import pdf from './pdf';
import planPdf from './plan-pdf';
import plans from './plans';
import receipt from './receipt';
import recovery from './recovery';
import retention from './retention';
import sessions from './sessions';
import staff from './staff';
import staffRoles from './staff-roles';
import statistics from './statistics';
import validation from './validation';
import vault from './vault';
import workList from './work-list';

export default {
  access,
  accounts,
  audit,
  catalogue,
  cv,
  erasure,
  'erasure-request': erasureRequest,
  export: exporter,
  grant,
  import: importer,
  invitation,
  limits,
  overview,
  pdf,
  'plan-pdf': planPdf,
  plans,
  receipt,
  recovery,
  retention,
  sessions,
  staff,
  'staff-roles': staffRoles,
  statistics,
  validation,
  vault,
  'work-list': workList,
};
