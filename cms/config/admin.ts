import mobio from './mobio';

export default () => {
  const { secrets } = mobio();
  return {
    auth: { secret: secrets.adminJwtSecret },
    apiToken: { salt: secrets.apiTokenSalt },
    transfer: { token: { salt: secrets.transferTokenSalt } },
    secrets: { encryptionKey: secrets.encryptionKey },
    // Never open a browser or show marketing from the admin panel.
    autoOpen: false,
    flags: { nps: false, promoteEE: false },
  };
};
