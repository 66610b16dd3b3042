import type { Core } from '@strapi/strapi';

interface TransactionHooks {
  onCommit: (callback: () => void) => void;
}

/**
 * Runs `work` once the caller's transaction has committed (never if it rolls back); at once outside a transaction.
 * A nested `strapi.db.transaction` joins the caller's and shares its commit callbacks (checked on Strapi 5.54).
 */
export const afterCommit = async (strapi: Core.Strapi, work: () => void): Promise<void> => {
  if (!strapi.db.inTransaction()) {
    work();
    return;
  }
  await strapi.db.transaction(({ onCommit }: TransactionHooks) => {
    onCommit(work);
  });
};
