// Each test boots and kills several Strapi processes on PostgreSQL.
jest.setTimeout(300_000);
