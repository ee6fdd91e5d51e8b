import mobio from './mobio';

export default () => {
  const { mail, secrets } = mobio();
  return {
    'users-permissions': {
      config: {
        jwtSecret: secrets.jwtSecret,
        jwt: { expiresIn: '7d' },
        register: { allowedFields: [] },
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
    sharing: {
      enabled: true,
      resolve: '../plugins/sharing',
    },
  };
};
