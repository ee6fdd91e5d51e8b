import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A local SMTP server that keeps every mail it receives, after `delayMs` (a slow mail server). */
export async function startSmtp() {
  const mails: Array<{ to: string; raw: string }> = [];
  const slow = { delayMs: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        setTimeout(done, slow.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    mails,
    slow,
    port: (server.server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The text/plain part of a mail as nodemailer writes it: base64, or quoted-printable for mostly ASCII text. */
export function textOf(raw: string): string {
  const part =
    /Content-Type: text\/plain[^\n]*\r?\nContent-Transfer-Encoding: (base64|quoted-printable)\r?\n\r?\n([\s\S]*?)\r?\n----/.exec(
      raw,
    );
  if (!part) throw new Error(`no text/plain part in:\n${raw}`);
  if (part[1] === 'base64')
    return Buffer.from(part[2].replace(/\s+/g, ''), 'base64').toString('utf8');
  const bytes = part[2]
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
