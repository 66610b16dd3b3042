import { Box, Button, Flex, Grid, Modal, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useProductionJobById } from '../../hooks/useProductionJobById';
import { jobIdOfResource } from '../../pagePaths';
import type { ActivityEntryResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { quirkLabel } from '../../utils/quirkName';
import { ProductionJobProgress } from '../general/ProductionJobProgress';
import { ModeBadge, OutcomeBadge } from './ActivityBadges';
import { ACTIVITY_DATE_FORMAT, resourceTypeMessage } from './activityMessages';
import { DetailCell, DetailField } from './DetailField';

interface ActivityDetailsModalProps {
  /** The entry shown; null closes the panel. */
  entry: ActivityEntryResponse | null;
  onClose: () => void;
}

const MONOSPACE = { fontFamily: 'monospace' } as const;

/** A SCIM attribute name as written (a Badge would upper-case it). */
const AttributeName = ({ name }: { name: string }) => (
  <Box tag="span" background="neutral150" hasRadius paddingLeft={2} paddingRight={2} paddingTop={1} paddingBottom={1}>
    <Typography tag="code" variant="pi" textColor="neutral800" style={MONOSPACE}>
      {name}
    </Typography>
  </Box>
);

/** Everything an entry records: what was asked, what came of it, what was (or would have been) done to Strapi. */
export const ActivityDetailsModal = ({ entry, onClose }: ActivityDetailsModalProps) => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const job = useProductionJobById(entry ? jobIdOfResource(entry.resourceType, entry.resourceId) : null);

  return (
    <Modal.Root open={entry !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {entry ? (
        <Modal.Content>
          <Modal.Header closeLabel={t('activity.details.close', 'Close')}>
            <Modal.Title>
              {formatMessage(
                { id: getTranslation('activity.details.title'), defaultMessage: '{method} {operation}: {name}' },
                {
                  method: entry.method,
                  operation: entry.operation,
                  name:
                    entry.resourceName ?? entry.resourceId ?? formatMessage(resourceTypeMessage(entry.resourceType)),
                },
              )}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={6}>
              <Grid.Root gap={5}>
                <DetailCell label={t('activity.column.time', 'Time')}>
                  {formatDate(entry.createdAt, ACTIVITY_DATE_FORMAT)}
                </DetailCell>
                <DetailCell label={t('activity.details.status', 'Outcome and status')}>
                  <OutcomeBadge entry={entry} />
                </DetailCell>
                <DetailCell label={t('activity.details.resourceType', 'Resource type')}>
                  {formatMessage(resourceTypeMessage(entry.resourceType))}
                </DetailCell>
                <DetailCell label={t('activity.column.mode', 'Mode')}>
                  <ModeBadge entry={entry} />
                </DetailCell>
                <DetailCell label={t('activity.details.resourceName', 'Name')}>{entry.resourceName}</DetailCell>
                <DetailCell label={t('activity.details.resourceId', 'Resource id')}>
                  {entry.resourceId ? <span style={MONOSPACE}>{entry.resourceId}</span> : null}
                </DetailCell>
                {entry.clientKey ? (
                  <Grid.Item col={12} s={12} direction="column" alignItems="stretch">
                    <DetailField label={t('activity.details.refused', 'Refused requests')}>
                      {formatMessage(
                        {
                          id: getTranslation('activity.details.refusedValue'),
                          defaultMessage:
                            '{count, plural, one {# request} other {# requests}} from {client} in this minute',
                        },
                        { count: entry.count ?? 1, client: entry.clientKey },
                      )}
                    </DetailField>
                  </Grid.Item>
                ) : null}
                {entry.actor ? (
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    <DetailField label={t('activity.details.actor', 'Changed by')}>{entry.actor}</DetailField>
                  </Grid.Item>
                ) : null}
              </Grid.Root>
              <DetailField label={t('activity.details.changes', 'Changed attributes')}>
                {entry.changes.length > 0 ? (
                  <Flex gap={1} wrap="wrap" tag="span">
                    {entry.changes.map((name) => (
                      <AttributeName key={name} name={name} />
                    ))}
                  </Flex>
                ) : (
                  t('activity.details.noChanges', 'None')
                )}
              </DetailField>
              <DetailField label={t('activity.details.hostAction', 'Strapi user')}>{entry.hostAction}</DetailField>
              <DetailField label={t('activity.details.quirks', 'Identity-provider quirks applied')}>
                {entry.quirks.length > 0 ? (
                  <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
                    {entry.quirks.map(quirkLabel).map((quirk) => (
                      <li key={quirk.id}>
                        <Typography textColor="neutral800" fontWeight="semiBold">
                          {quirk.name}
                        </Typography>
                        {quirk.description ? (
                          <Typography tag="p" variant="pi" textColor="neutral600">
                            {quirk.description}
                          </Typography>
                        ) : null}
                      </li>
                    ))}
                  </Flex>
                ) : (
                  t('activity.details.noQuirks', 'None: the request followed the SCIM standard.')
                )}
              </DetailField>
              <DetailField label={t('activity.details.detail', 'Detail')}>{entry.detail}</DetailField>
              {job ? (
                <DetailField label={t('activity.details.job', 'Job result')}>
                  <ProductionJobProgress job={job} />
                </DetailField>
              ) : null}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('activity.details.close', 'Close')}</Button>
            </Modal.Close>
          </Modal.Footer>
        </Modal.Content>
      ) : null}
    </Modal.Root>
  );
};
