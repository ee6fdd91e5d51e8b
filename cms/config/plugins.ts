import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import mobio from './mobio';

export default () => {
  const { mail, secrets, root, uploads } = mobio();
  // The media library's folder (public images only: logos, info pages) must exist before Strapi starts.
  mkdirSync(join(root, 'cms', 'public', 'uploads'), { recursive: true });
  return {
    'users-permissions': {
      config: {
        jwtSecret: secrets.jwtSecret,
        jwt: { expiresIn: '7d' },
        register: { allowedFields: [] },
        // Strapi's own limit (per route, name and address, in each process's memory): a coarse
        // ceiling only. The limits that hold (failed logins, recovery codes, reset mails; in the
        // database, per person's address as the site names it) are the sharing plugin's.
        ratelimit: { enabled: true, interval: { min: 1 }, max: 300 },
      },
    },
    email: {
      config: {
        provider: 'nodemailer',
        // Without SMTP_HOST (development only; production refuses to start) mail is written to the log.
        providerOptions: mail.smtp
          ? {
              host: mail.smtp.host,
              port: mail.smtp.port,
              secure: mail.smtp.secure,
              auth: mail.smtp.user ? { user: mail.smtp.user, pass: mail.smtp.password } : undefined,
            }
          : { jsonTransport: true },
        settings: { defaultFrom: mail.from, defaultReplyTo: mail.replyTo ?? mail.from },
      },
    },
    // The media library is for public images; personal documents never go through it (see the sharing plugin).
    upload: { config: { sizeLimit: uploads.maxBytes } },
    sharing: {
      enabled: true,
      resolve: '../plugins/sharing',
    },
  };
};
