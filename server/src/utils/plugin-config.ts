import type { Core } from '@strapi/strapi';
import { pluginConfigSchema, type PluginConfig } from '../config';
import { PLUGIN_ID } from '../constants';

/** The validated plugin config (Strapi has already run the validator at start-up). */
export const getPluginConfig = (strapi: Core.Strapi): PluginConfig =>
  pluginConfigSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}`) ?? {});
