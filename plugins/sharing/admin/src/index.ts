import { HandHeart, Bell } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { DownloadDocument } from './components/DownloadDocument';
import { withStaffHome } from './home';
import { contentManagerEnumLabels } from './utils/enum-labels';
import de from './translations/de.json';
import { PLUGIN_ID, prefixed, textId } from './utils/text';

const CONTENT_MANAGER_ACTIONS = ['read', 'create', 'update', 'delete', 'publish'].map(
  (action) => `plugin::content-manager.explorer.${action}`,
);

/** The admin panel's menu, kept from register() for bootstrap(). */
let menu: StrapiApp['router']['menu'] | undefined;

export default {
  register(app: StrapiApp) {
    menu = app.router.menu;
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
    // The integration manager's home (served by the route above); no Component, so no second route.
    app.addMenuLink({
      to: 'plugins/sharing/work-list',
      icon: Bell,
      intlLabel: { id: textId('menu.work'), defaultMessage: de['menu.work'] },
      permissions: [],
    });
    // After login, integration managers land on the work list instead of Strapi's home widgets.
    app.router.addRoute((routes) => withStaffHome(routes));
  },
  /** The plugin's pages in the staff member's admin language: one catalogue per language. */
  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: catalogue } = await import(`./translations/${locale}.json`);
          const enumLabels = locale === 'de' ? contentManagerEnumLabels() : {};
          return { data: { ...enumLabels, ...prefixed(catalogue) }, locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
  bootstrap(app: Pick<StrapiApp, 'getPlugin'>) {
    // Strapi shows the Content Manager to everyone (its menu link asks for no permission). Only
    // those who may use it for some type see it: integration managers hold none of its permissions
    // and work in MoBio's pages (the server refuses them its routes). Done here, when every plugin
    // has registered its links; bootstrap is not handed the router, register() is.
    const contentManager = menu?.find((link) => link.to === 'content-manager');
    if (contentManager)
      contentManager.permissions = CONTENT_MANAGER_ACTIONS.map((action) => ({
        action,
        subject: null,
      }));
    // Staff open a granted document's file from the newcomer's document record.
    app.getPlugin('content-manager').injectComponent('editView', 'right-links', {
      name: 'sharing-download-document',
      Component: DownloadDocument,
    });
  },
};
