// Booting Strapi and creating its schema takes several seconds on MariaDB and PostgreSQL.
jest.setTimeout(120_000);
