import { HandHeart } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { DownloadDocument } from './components/DownloadDocument';
import de from './translations/de.json';
import { PLUGIN_ID, prefixed, textId } from './utils/text';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'MoBio' });
    // The staff workspace: what was shared with me, invitation codes, statistics. Every staff role
    // sees the link; what each page shows is decided by the server (grants, statistics role).
    app.addMenuLink({
      to: 'plugins/sharing',
      icon: HandHeart,
      intlLabel: { id: textId('menu'), defaultMessage: de.menu },
      permissions: [],
      Component: () => import('./pages/App'),
    });
  },
  /** The plugin's pages in the staff member's admin language: one catalogue per language. */
  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: catalogue } = await import(`./translations/${locale}.json`);
          return { data: prefixed(catalogue), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
  bootstrap(app: StrapiApp) {
    // Staff open a granted document's file from the newcomer's document record.
    app.getPlugin('content-manager').injectComponent('editView', 'right-links', {
      name: 'sharing-download-document',
      Component: DownloadDocument,
    });
  },
};
