import auditEvent from './audit-event';
import grant from './grant';

export default {
  grant,
  'audit-event': auditEvent,
};
