import { parseBody } from '../validation';

/**
 * parseBody for the CMS's own controllers (its newcomer records and profile), which check their REST
 * bodies the same way as the plugin's: the CMS reaches the plugin through its services.
 */
const validation = () => ({ parseBody });

export default validation;
