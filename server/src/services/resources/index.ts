import type { Core } from '@strapi/strapi';
import { createGroupType } from './group-type';
import { createResourceService } from './resource-pipeline';
import { createUserType } from './user-type';

export type { ListRequest, ResourceService, WriteOptions } from './resource-pipeline';
export type { StoredRow, Written } from './resource-type';

export const createUsersService = ({ strapi }: { strapi: Core.Strapi }) =>
  createResourceService(strapi, createUserType(strapi));

export const createGroupsService = ({ strapi }: { strapi: Core.Strapi }) =>
  createResourceService(strapi, createGroupType(strapi));

export type UsersService = ReturnType<typeof createUsersService>;
export type GroupsService = ReturnType<typeof createGroupsService>;
