import mobio from './mobio';

export default () => {
  const { secrets } = mobio();
  return {
    auth: { secret: secrets.adminJwtSecret },
    apiToken: { salt: secrets.apiTokenSalt },
    // Remote data transfer reads the database directly, past the sharing rule: switched off.
    transfer: { token: { salt: secrets.transferTokenSalt }, remote: { enabled: false } },
    secrets: { encryptionKey: secrets.encryptionKey },
    // Never open a browser or show marketing from the admin panel.
    autoOpen: false,
    flags: { nps: false, promoteEE: false },
  };
};
