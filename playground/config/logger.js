const {
  winston,
  formats: { prettyPrint },
} = require('@strapi/logger');

// LOG_LEVEL=warn keeps test and benchmark output readable.
module.exports = {
  transports: [new winston.transports.Console({ level: process.env.LOG_LEVEL || 'http', format: prettyPrint() })],
};
