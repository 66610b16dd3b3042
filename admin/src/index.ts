import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from './pluginId';

const READ_SETTINGS = [{ action: 'plugin::scim.settings.read', subject: null }];
const READ_ACTIVITY = [{ action: 'plugin::scim.activity.read', subject: null }];

export default {
  register(app: Pick<StrapiApp, 'createSettingSection' | 'registerPlugin'>) {
    // addSettingsLink takes a section object only in recent Strapi 5 releases (strapi/strapi#26433); the peer
    // range is ^5.0.0.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    app.createSettingSection(
      { id: PLUGIN_ID, intlLabel: { id: `${PLUGIN_ID}.settings.section`, defaultMessage: 'SCIM User Provisioning' } },
      [
        {
          intlLabel: { id: `${PLUGIN_ID}.settings.general`, defaultMessage: 'General' },
          id: `${PLUGIN_ID}-general`,
          to: `${PLUGIN_ID}/general`,
          Component: () => import('./pages/GeneralPage'),
          permissions: READ_SETTINGS,
        },
        {
          intlLabel: { id: `${PLUGIN_ID}.settings.guide`, defaultMessage: 'SCIM Guide' },
          id: `${PLUGIN_ID}-guide`,
          to: `${PLUGIN_ID}/guide`,
          Component: () => import('./pages/GuidePage'),
          permissions: READ_SETTINGS,
        },
        {
          intlLabel: { id: `${PLUGIN_ID}.settings.activity`, defaultMessage: 'Activity' },
          id: `${PLUGIN_ID}-activity`,
          to: `${PLUGIN_ID}/activity`,
          Component: () => import('./pages/ActivityPage'),
          permissions: READ_ACTIVITY,
        },
      ],
    );
    app.registerPlugin({ id: PLUGIN_ID, name: 'SCIM User Provisioning' });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as {
            default: Record<string, string>;
          };
          return { data: prefixKeys(data), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};

const prefixKeys = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));
