import type { StrapiApp } from '@strapi/strapi/admin';
import { DownloadDocument } from './components/DownloadDocument';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'sharing', name: 'Sharing' });
  },
  bootstrap(app: StrapiApp) {
    // Staff open a granted document's file from the newcomer's document record.
    app.getPlugin('content-manager').injectComponent('editView', 'right-links', {
      name: 'sharing-download-document',
      Component: DownloadDocument,
    });
  },
};
