import { Box, Flex, Link, ProgressBar, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { activityPathForJob } from '../../pagePaths';
import type { ProductionJobResponse, ProductionJobStatus } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

const applying = {
  id: getTranslation('productionJob.applying'),
  defaultMessage: 'Applying users to Strapi: {processed} of {total}',
};
const recomputing = {
  id: getTranslation('productionJob.recomputing'),
  defaultMessage: 'Recomputing roles: {processed} of {total} users',
};

const ENDED: Record<Exclude<ProductionJobStatus, 'pending' | 'running'>, { id: string; defaultMessage: string }> = {
  finished: {
    id: getTranslation('productionJob.finished'),
    defaultMessage: 'Done: {applied} applied, {notApplied} not applied',
  },
  cancelled: {
    id: getTranslation('productionJob.cancelled'),
    defaultMessage: 'Stopped when production mode was switched off: {applied} applied, {notApplied} not applied',
  },
  failed: {
    id: getTranslation('productionJob.failed'),
    defaultMessage: 'Stopped by an error after {processed} of {total} users; see the server log',
  },
};

const headingMessage = (job: ProductionJobResponse) => {
  if (job.status === 'pending' || job.status === 'running')
    return job.kind === 'recompute-roles' ? recomputing : applying;
  return ENDED[job.status];
};

interface ProductionJobProgressProps {
  job: ProductionJobResponse;
  /** Links to the job's entries on the Activity page (left out where the job is shown from Activity). */
  linkToActivity?: boolean;
}

/** A production job's progress while it runs, then its result: counts and the users not applied, with the reason. */
export const ProductionJobProgress = ({ job, linkToActivity = false }: ProductionJobProgressProps) => {
  const { formatMessage } = useIntl();
  const counts = { processed: job.processed, total: job.total, applied: job.applied, notApplied: job.notApplied };
  const running = job.status === 'pending' || job.status === 'running';
  const heading = formatMessage(headingMessage(job), counts);

  return (
    <Flex direction="column" alignItems="stretch" gap={2} aria-live="polite">
      <Typography variant="omega" fontWeight="semiBold">
        {heading}
      </Typography>
      {running ? (
        <ProgressBar
          value={job.total === 0 ? 0 : Math.round((job.processed / job.total) * 100)}
          size="M"
          aria-label={heading}
        />
      ) : null}
      {job.notAppliedUsers.length > 0 ? (
        <Box
          tag="ul"
          aria-label={formatMessage({
            id: getTranslation('productionJob.notAppliedList'),
            defaultMessage: 'Users not applied',
          })}
        >
          {job.notAppliedUsers.map((user) => (
            <li key={user.id}>
              <Typography variant="pi">
                <Typography variant="pi" fontWeight="bold">
                  {user.userName}
                </Typography>
                {`: ${user.reason}`}
              </Typography>
            </li>
          ))}
        </Box>
      ) : null}
      {job.notApplied > job.notAppliedUsers.length ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            {
              id: getTranslation('productionJob.moreNotApplied'),
              defaultMessage: 'and {count} more: see the Activity page',
            },
            { count: job.notApplied - job.notAppliedUsers.length },
          )}
        </Typography>
      ) : null}
      {linkToActivity ? (
        <Typography variant="pi">
          <Link tag={NavLink} to={activityPathForJob(job.id)}>
            {formatMessage({
              id: getTranslation('productionJob.activityLink'),
              defaultMessage: 'Show this job in Activity',
            })}
          </Link>
        </Typography>
      ) : null}
    </Flex>
  );
};
