import { inspect } from 'node:util';

const INSTALLED = Symbol.for('mobio.processFaults');

/**
 * Logs an unhandled promise rejection or an uncaught exception with its stack and the component's
 * name, and keeps the process running. Node's default would end the process: one person's request
 * that trips over a forgotten error path would take the CMS (or the site) away from the whole
 * district. Each such line is a bug to fix; the process stays up meanwhile. Installed once per
 * process by the CMS (cms/src/index.ts) and the site (site/src/middleware.ts).
 */
export function logProcessFaults(
  component: string,
  log: (message: string) => void = (message) => console.error(message),
): void {
  const marked = process as unknown as Record<symbol, boolean>;
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;
  const describe = (value: unknown) =>
    value instanceof Error ? (value.stack ?? `${value.name}: ${value.message}`) : inspect(value);
  process.on('unhandledRejection', (reason) => {
    log(`[${component}] unhandled promise rejection (process kept running): ${describe(reason)}`);
  });
  process.on('uncaughtException', (error, origin) => {
    log(`[${component}] uncaught exception (${origin}; process kept running): ${describe(error)}`);
  });
}
