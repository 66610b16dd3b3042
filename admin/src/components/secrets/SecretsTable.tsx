import { EmptyStateLayout, Td, Typography } from '@strapi/design-system';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { useIntl } from 'react-intl';
import type { LoadStatus, SecretSummaryResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { DataTable, type DataTableColumn } from '../common/DataTable';
import { ExpiryCell } from './ExpiryCell';
import { SecretActions, type SecretDialogName } from './SecretActions';
import { SecretValue } from './SecretValue';

interface SecretsTableProps {
  status: LoadStatus;
  /** Null until the list is loaded. */
  secrets: SecretSummaryResponse[] | null;
  onRetry: () => void;
  reveal: (id: number) => Promise<string | null>;
  remove: (id: number) => Promise<boolean>;
  /** Opens the rename or rotate dialog for a secret (the section holds them, outside the table). */
  onOpenDialog: (dialog: SecretDialogName, secret: SecretSummaryResponse) => void;
  allowReveal: boolean;
  /** Set when the admin may not create users in Strapi: revealing and rotating are refused. */
  grantDisabledReason?: string;
}

const DATE_FORMAT = { dateStyle: 'medium', timeStyle: 'short' } as const;

const COLUMNS: DataTableColumn[] = [
  { id: 'secrets.column.secret', defaultMessage: 'Secret' },
  { id: 'secrets.column.label', defaultMessage: 'Label' },
  { id: 'secrets.column.created', defaultMessage: 'Created' },
  { id: 'secrets.column.lastUsed', defaultMessage: 'Last used' },
  { id: 'secrets.column.expires', defaultMessage: 'Expires' },
  { id: 'secrets.column.action', defaultMessage: 'Action' },
];

export const SecretsTable = ({
  status,
  secrets,
  onRetry,
  reveal,
  remove,
  onOpenDialog,
  allowReveal,
  grantDisabledReason,
}: SecretsTableProps) => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  return (
    <DataTable
      compact
      status={status}
      rows={secrets}
      columns={COLUMNS}
      rowKey={(secret) => secret.id}
      loadingLabel={t('secrets.loading', 'Loading secrets')}
      errorMessage={t('secrets.loadError', 'The secrets could not be loaded.')}
      onRetry={onRetry}
      empty={
        <EmptyStateLayout
          icon={<EmptyDocuments width="10rem" height="6rem" />}
          content={t('secrets.empty', 'No secret yet. Add one and give it to your identity provider.')}
        />
      }
      renderCells={(secret) => (
        <>
          <Td>
            <SecretValue
              secret={secret}
              reveal={reveal}
              allowReveal={allowReveal}
              revealDisabledReason={grantDisabledReason}
            />
          </Td>
          <Td>
            <Typography textColor="neutral800">{secret.label ?? '—'}</Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800">{formatDate(secret.createdAt, DATE_FORMAT)}</Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800">
              {secret.lastUsedAt ? formatDate(secret.lastUsedAt, DATE_FORMAT) : t('secrets.neverUsed', 'Never')}
            </Typography>
          </Td>
          <Td>
            <ExpiryCell expiresAt={secret.expiresAt} expired={secret.expired} />
          </Td>
          <Td>
            <SecretActions
              secret={secret}
              onRename={() => onOpenDialog('rename', secret)}
              onRotate={() => onOpenDialog('rotate', secret)}
              remove={() => remove(secret.id)}
              rotateDisabledReason={grantDisabledReason}
            />
          </Td>
        </>
      )}
    />
  );
};
