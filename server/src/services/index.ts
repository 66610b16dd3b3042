import activity from './activity';
import refusals from './refusals';
import { createGroupsService, createUsersService } from './resources';
import secrets from './secrets';
import settings from './settings';
import throttle from './throttle';

export default {
  activity,
  refusals,
  settings,
  secrets,
  throttle,
  users: createUsersService,
  groups: createGroupsService,
};
