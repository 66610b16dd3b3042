import type { Core } from '@strapi/strapi';

/**
 * Background work that runs at most once at a time in this instance: `run` starts `pass` unless it is already
 * going, and answers the pass in progress; an error is logged with `label`, never thrown to the caller.
 */
export const createSerialRun = (strapi: Core.Strapi, label: string, pass: () => Promise<void>) => {
  let running: Promise<void> | null = null;
  return {
    run(): Promise<void> {
      running ??= pass()
        .catch((error: unknown) => {
          strapi.log.error(`[scim] ${label}: ${(error as Error).message}`);
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
    /** Resolves once the pass in progress, if any, has ended. */
    settled: (): Promise<void> => running ?? Promise.resolve(),
  };
};
