import type { Core } from '@strapi/strapi';

/** The table of a content type as raw knex names it: with the connection's schema when one is configured. */
export const qualifiedTable = (strapi: Core.Strapi, uid: string): string => {
  const tableName = strapi.db.metadata.get(uid).tableName;
  const schema = strapi.db.getSchemaName();
  return schema ? `${schema}.${tableName}` : tableName;
};
