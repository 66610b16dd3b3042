import activity from './activity';
import invitations from './invitations';
import attributeIndexBuilds from './attribute-index-builds';
import productionJobs from './production-jobs';
import refusals from './refusals';
import { createGroupsService, createUsersService } from './resources';
import secrets from './secrets';
import settings from './settings';
import throttle from './throttle';

export default {
  activity,
  invitations,
  attributeIndexBuilds,
  productionJobs,
  refusals,
  settings,
  secrets,
  throttle,
  users: createUsersService,
  groups: createGroupsService,
};
