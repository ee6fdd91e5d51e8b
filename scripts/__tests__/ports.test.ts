import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { onFreePorts } from './helpers/ports';

/** Listens on `port` or rejects with the listen error (EADDRINUSE when it is taken). */
const listen = (port: number) =>
  new Promise<Server>((ready, fail) => {
    const server = createServer();
    server.once('error', fail).listen(port, '127.0.0.1', () => ready(server));
  });

describe('onFreePorts', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((server) => server.close()));

  it('starts again on new ports when another process took one in between', async () => {
    const tried: number[][] = [];
    const server = await onFreePorts(2, async (ports) => {
      tried.push(ports);
      // The first time, another process takes the second port before the program binds it.
      if (tried.length === 1) servers.push(await listen(ports[1]));
      servers.push(await listen(ports[0]));
      const program = await listen(ports[1]);
      servers.push(program);
      return program;
    });
    expect(tried).toHaveLength(2);
    expect(new Set(tried[0]).size).toBe(2);
    expect(server.address()).toMatchObject({ port: tried[1][1] });
  });

  it('starts again when the program failed without a word and its port is taken', async () => {
    const tried: number[] = [];
    const port = await onFreePorts(1, async ([port]) => {
      tried.push(port);
      if (tried.length === 1) {
        servers.push(await listen(port));
        throw new Error('the site exited with 0');
      }
      return port;
    });
    expect(tried).toEqual([tried[0], port]);
    expect(port).not.toBe(tried[0]);
  });

  it('passes on any other failure at once, and gives up after the last attempt', async () => {
    let calls = 0;
    await expect(
      onFreePorts(1, async () => (calls++, Promise.reject(new Error('no such file')))),
    ).rejects.toThrow('no such file');
    expect(calls).toBe(1);
    await expect(
      onFreePorts(1, async () => (calls++, Promise.reject(new Error('listen EADDRINUSE'))), 3),
    ).rejects.toThrow('EADDRINUSE');
    expect(calls).toBe(4);
  });
});
