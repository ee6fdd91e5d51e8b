import { HandHeart } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { DownloadDocument } from './components/DownloadDocument';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'sharing', name: 'Sharing' });
    // The staff workspace: what was shared with me, invitation codes, statistics. Every staff role
    // sees the link; what each page shows is decided by the server (grants, statistics role).
    app.addMenuLink({
      to: 'plugins/sharing',
      icon: HandHeart,
      intlLabel: { id: 'sharing.menu', defaultMessage: 'Für mich freigegeben' },
      permissions: [],
      Component: () => import('./pages/App'),
    });
  },
  bootstrap(app: StrapiApp) {
    // Staff open a granted document's file from the newcomer's document record.
    app.getPlugin('content-manager').injectComponent('editView', 'right-links', {
      name: 'sharing-download-document',
      Component: DownloadDocument,
    });
  },
};
