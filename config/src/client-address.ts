import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * How the site and nginx tell the CMS (and nginx tells the site) whose request it is: the client's
 * address in one header, CLIENT_ADDRESS_SECRET in the other. Only a sender that holds the secret
 * names an address; X-Forwarded-For and the like are never read, so no other client chooses the
 * address its attempts are counted under.
 */
export const CLIENT_ADDRESS_HEADERS = {
  address: 'x-mobio-client-address',
  proof: 'x-mobio-client-proof',
} as const;

const sameSecret = (given: string, secret: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The client address named by a sender that proved it holds the secret, or undefined (no secret
 * configured, no or wrong proof, or not an IP address).
 */
export function provenClientAddress(
  header: (name: string) => string | null | undefined,
  secret: string | undefined,
): string | undefined {
  const proof = header(CLIENT_ADDRESS_HEADERS.proof);
  const address = header(CLIENT_ADDRESS_HEADERS.address)?.trim();
  if (!secret || !proof || !address || !sameSecret(proof, secret)) return undefined;
  return isIP(address) ? address : undefined;
}

/** The two headers that name `address` to the next hop. */
export const clientAddressHeaders = (address: string, secret: string): Record<string, string> => ({
  [CLIENT_ADDRESS_HEADERS.address]: address,
  [CLIENT_ADDRESS_HEADERS.proof]: secret,
});
