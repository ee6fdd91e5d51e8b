import type { ChildProcess } from 'node:child_process';
import { type AddressInfo, createServer, type Server } from 'node:net';

/**
 * Ports for the servers the tests of scripts/, deploy/ and bench/ start. A server that can bind
 * port 0 and say which port it got should do so (startSite of the site tests reads it from the
 * server's log line). A program that needs its number up front (start.mjs's CMS and site, Strapi,
 * nginx, PostgreSQL) runs in `onFreePorts`: a port found free and used a moment later can be taken
 * in between by another process, and then the program is started again on new ports.
 */

/** What Node (EADDRINUSE), Strapi, nginx and PostgreSQL say when their port is taken. */
export const ADDRESS_IN_USE =
  /EADDRINUSE|address already in use|is already used by another application/i;

/** `count` different ports nobody listens on right now (held together, then all released). */
async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((ready, fail) =>
        server.once('error', fail).listen(0, '127.0.0.1', ready),
      );
    }
    return servers.map((server) => (server.address() as AddressInfo).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  }
}

/** Whether some process listens on `port` now. */
const taken = (port: number) =>
  new Promise<boolean>((answer) => {
    const server = createServer();
    server
      .once('error', () => answer(true))
      .listen(port, '127.0.0.1', () => server.close(() => answer(false)));
  });

/**
 * Runs `start` with `count` free ports and returns what it returns. When it fails because one of
 * them was taken in between, runs it again on new ports, `attempts` times in all. Taken means: the
 * error's message matches ADDRESS_IN_USE, or one of the ports is in use after the failure (Astro's
 * server exits without a word when its port is taken; `start` stops what it started before it
 * throws, so a port still in use is another process's).
 */
export async function onFreePorts<T>(
  count: number,
  start: (ports: number[]) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const ports = await freePorts(count);
    try {
      return await start(ports);
    } catch (error) {
      const inUse = ADDRESS_IN_USE.test(error instanceof Error ? error.message : String(error));
      if (attempt >= attempts || !(inUse || (await Promise.all(ports.map(taken))).includes(true)))
        throw error;
    }
  }
}

/** Stops `child` (SIGTERM) and waits until it has exited, as `start` of onFreePorts does before it throws. */
export async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}
