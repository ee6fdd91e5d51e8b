/**
 * Options of a plugin type kept out of the admin panel's Content Manager and Content-Type Builder
 * (staff reach it through the plugin's own pages only) and without drafts. A fresh object for each
 * type: Strapi may add to a schema's options while it loads it.
 */
export const internalType = () => ({
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
});
