import { AsyncLocalStorage } from 'node:async_hooks';
import { clientAddressHeaders, provenClientAddress } from '@mobio/config';
import { siteConfig } from './config';

const current = new AsyncLocalStorage<string | undefined>();

/**
 * The address of the person a request comes from, as the site tells the CMS: the one nginx names
 * with CLIENT_ADDRESS_SECRET, else the TCP peer. Astro's clientAddress also believes an
 * X-Forwarded-For of any client; a request that carries one without nginx's proof is therefore
 * counted under no address of its own (the CMS sees the site's), so a forged header chooses nothing.
 */
export function clientAddressOf(
  request: Request,
  astroClientAddress: () => string,
): string | undefined {
  const proven = provenClientAddress(
    (name) => request.headers.get(name),
    siteConfig().clientAddressSecret,
  );
  if (proven) return proven;
  if (request.headers.has('x-forwarded-for')) return undefined;
  try {
    return astroClientAddress();
  } catch {
    return undefined;
  }
}

/** Runs one request's handling with its client address, for every CMS call made on its behalf. */
export const withClientAddress = <T>(address: string | undefined, handle: () => T): T =>
  current.run(address, handle);

/** The headers that name the current request's client address to the CMS (none without the secret). */
export function clientAddressForCms(): Record<string, string> {
  const address = current.getStore();
  const secret = siteConfig().clientAddressSecret;
  return address && secret ? clientAddressHeaders(address, secret) : {};
}
