import type { Core } from '@strapi/strapi';
import { pluginConfigSchema, type PluginConfig } from '../config';
import { PLUGIN_ID } from '../constants';

const parsed = new WeakMap<Core.Strapi, PluginConfig>();

/**
 * The plugin config, parsed once per Strapi instance (register does it first) and the same object after: Strapi
 * validated it at start-up, and it does not change while the app runs.
 */
export const getPluginConfig = (strapi: Core.Strapi): PluginConfig => {
  let config = parsed.get(strapi);
  if (config === undefined) {
    config = pluginConfigSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}`) ?? {});
    parsed.set(strapi, config);
  }
  return config;
};
