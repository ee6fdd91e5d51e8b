import { loadConfig, type Config } from '@mobio/config';

/**
 * MoBio's own configuration, read from ../config (the zod-validated environment). Every other file
 * in this folder is a thin mapping of it. Also reachable as `strapi.config.get('mobio')`.
 * The first call of a first start writes the missing secrets into the env file and says so.
 */
export default (): Config => loadConfig({ generateSecrets: true });
