import { Badge, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { SecretSummaryResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { DeleteSecretButton } from './DeleteSecretButton';
import { maskSecret } from './maskSecret';
import { SecretValue } from './SecretValue';

interface SecretsTableProps {
  secrets: SecretSummaryResponse[];
  reveal: (id: number) => Promise<string | null>;
  remove: (id: number) => Promise<boolean>;
  allowReveal: boolean;
  revealDisabledReason?: string;
}

const DATE_FORMAT = { dateStyle: 'medium', timeStyle: 'short' } as const;
const DAY_FORMAT = { dateStyle: 'medium' } as const;

export const SecretsTable = ({ secrets, reveal, remove, allowReveal, revealDisabledReason }: SecretsTableProps) => {
  const { formatMessage, formatDate } = useIntl();
  const header = (id: string, defaultMessage: string) => (
    <Th>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation(id), defaultMessage })}
      </Typography>
    </Th>
  );

  return (
    <Table colCount={6} rowCount={secrets.length + 1}>
      <Thead>
        <Tr>
          {header('secrets.column.secret', 'Secret')}
          {header('secrets.column.label', 'Label')}
          {header('secrets.column.created', 'Created')}
          {header('secrets.column.lastUsed', 'Last used')}
          {header('secrets.column.expires', 'Expires')}
          {header('secrets.column.action', 'Action')}
        </Tr>
      </Thead>
      <Tbody>
        {secrets.map((secret) => (
          <Tr key={secret.id}>
            <Td>
              <SecretValue
                secret={secret}
                reveal={reveal}
                allowReveal={allowReveal}
                revealDisabledReason={revealDisabledReason}
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
                {secret.lastUsedAt
                  ? formatDate(secret.lastUsedAt, DATE_FORMAT)
                  : formatMessage({ id: getTranslation('secrets.neverUsed'), defaultMessage: 'Never' })}
              </Typography>
            </Td>
            <Td>
              <Flex gap={2}>
                <Typography textColor={secret.expired ? 'danger600' : 'neutral800'}>
                  {secret.expiresAt
                    ? formatDate(secret.expiresAt, DAY_FORMAT)
                    : formatMessage({ id: getTranslation('secrets.neverExpires'), defaultMessage: 'Never' })}
                </Typography>
                {secret.expired ? (
                  <Badge variant="danger">
                    {formatMessage({ id: getTranslation('secrets.expired'), defaultMessage: 'Expired' })}
                  </Badge>
                ) : null}
              </Flex>
            </Td>
            <Td>
              <DeleteSecretButton name={secret.label ?? maskSecret(secret.hint)} onDelete={() => remove(secret.id)} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
