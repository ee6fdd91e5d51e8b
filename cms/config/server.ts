import mobio from './mobio';

export default () => {
  const config = mobio();
  return {
    host: config.host,
    port: config.cms.port,
    url: config.cms.publicUrl,
    app: { keys: config.secrets.appKeys },
    // The sharing plugin schedules the retention job (RETENTION_SCHEDULE).
    cron: { enabled: true },
    // No calls to the outside: the update check asks the npm registry at every start.
    logger: { updates: { enabled: false } },
  };
};
