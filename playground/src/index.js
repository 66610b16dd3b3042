'use strict';

const { ensureSuperAdmin } = require('./super-admin');

module.exports = {
  register() {},

  async bootstrap({ strapi }) {
    await ensureSuperAdmin(strapi);
  },
};
