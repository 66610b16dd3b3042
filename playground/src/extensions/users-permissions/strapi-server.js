'use strict';

// A site's own field on its users-permissions users, for the plugin's attributeMappings (see docs/configuration.md).
module.exports = (plugin) => {
  plugin.contentTypes.user.schema.attributes.department = { type: 'string' };
  return plugin;
};
