import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { ActivityService } from '../services/activity';
import type { InvitationsService } from '../services/invitations';
import type { AttributeIndexBuildsService } from '../services/attribute-index-builds';
import type { ProductionJobsService } from '../services/production-jobs';
import type { RefusalsService } from '../services/refusals';
import type { GroupsService, UsersService } from '../services/resources';
import type { SecretsService } from '../services/secrets';
import type { SettingsService } from '../services/settings';
import type { ThrottleService } from '../services/throttle';

interface Services {
  activity: ActivityService;
  invitations: InvitationsService;
  attributeIndexBuilds: AttributeIndexBuildsService;
  productionJobs: ProductionJobsService;
  refusals: RefusalsService;
  settings: SettingsService;
  secrets: SecretsService;
  throttle: ThrottleService;
  users: UsersService;
  groups: GroupsService;
}

export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin(PLUGIN_ID).service<Services[K]>(name);
