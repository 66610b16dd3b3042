import { PLUGIN_ID } from './pluginId';

// Absolute, so a link resolves under the admin's basename from any page.
export const GENERAL_PAGE_PATH = `/settings/${PLUGIN_ID}/general`;
export const GUIDE_PAGE_PATH = `/settings/${PLUGIN_ID}/guide`;
export const ACTIVITY_PAGE_PATH = `/settings/${PLUGIN_ID}/activity`;

/** The id a production job's Activity entries carry as their resource id. */
export const jobResourceId = (jobId: number) => `job-${jobId}`;

/** The job id of an Activity entry recorded by a production job, or null. */
export const jobIdOfResource = (resourceType: string, resourceId: string | null): number | null => {
  if (resourceType !== 'Settings' || !resourceId?.startsWith('job-')) return null;
  const id = Number(resourceId.slice('job-'.length));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

/** The Activity page showing what one production job recorded. */
export const activityPathForJob = (jobId: number) =>
  `${ACTIVITY_PAGE_PATH}?${new URLSearchParams({ search: jobResourceId(jobId) }).toString()}`;
