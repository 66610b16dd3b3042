'use strict';

/** Playground only: creates the first Super Admin from environment variables so a newcomer can log in at once. */
const DEFAULTS = {
  email: 'admin@example.com',
  password: 'Playground-Admin-1',
  firstname: 'Playground',
  lastname: 'Admin',
};

async function ensureSuperAdmin(strapi) {
  const email = (process.env.PLAYGROUND_ADMIN_EMAIL || DEFAULTS.email).toLowerCase();
  const password = process.env.PLAYGROUND_ADMIN_PASSWORD || DEFAULTS.password;
  const hasAdmin = await strapi.service('admin::user').exists();
  if (!hasAdmin) {
    const superAdminRole = await strapi.service('admin::role').getSuperAdmin();
    await strapi.service('admin::user').create({
      email,
      firstname: DEFAULTS.firstname,
      lastname: DEFAULTS.lastname,
      password,
      registrationToken: null,
      isActive: true,
      roles: superAdminRole ? [superAdminRole.id] : [],
    });
    strapi.log.info(`[playground] Created the Super Admin ${email}`);
  }
  if (process.env.PLAYGROUND_QUIET !== 'true') {
    const url = strapi.config.get('server.absoluteUrl') || `http://localhost:${strapi.config.get('server.port')}`;
    strapi.log.info(`[playground] Admin panel: ${url}/admin  (log in as ${email})`);
  }
}

module.exports = { ensureSuperAdmin, DEFAULTS };
