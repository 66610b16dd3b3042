import { PLUGIN_ID } from '../pluginId';

/** Translation ids are stored unprefixed in translations/<locale>.json and prefixed by `registerTrads`. */
export const getTranslation = (id: string): string => `${PLUGIN_ID}.${id}`;
