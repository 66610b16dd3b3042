import { Box, Flex, Td, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { GroupLookup } from '../../hooks/useGroupDirectory';
import type { GroupRoleMapping, LoadStatus, RoleOption } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { DataTable, type DataTableColumn } from '../common/DataTable';
import { RemoveMappingButton } from './RemoveMappingButton';

interface MappingTableProps {
  /** The state of the group directory, which names the mapped groups. */
  status: LoadStatus;
  onRetry: () => void;
  mappings: GroupRoleMapping[];
  roles: RoleOption[];
  lookup: (groupId: string) => GroupLookup;
  disabledReason?: string;
  onRemove: (index: number) => Promise<boolean>;
}

const COLUMNS: DataTableColumn[] = [
  { id: 'groupRoles.column.group', defaultMessage: 'Provisioned group' },
  { id: 'groupRoles.column.role', defaultMessage: 'Role' },
  { id: 'groupRoles.column.action', defaultMessage: 'Action', hidden: true },
];

/** One row per mapping, in priority order; a group that no longer exists shows its id and a hint. */
export const MappingTable = ({
  status,
  onRetry,
  mappings,
  roles,
  lookup,
  disabledReason,
  onRemove,
}: MappingTableProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const roleName = (roleId: number) =>
    roles.find((role) => role.id === roleId)?.name ??
    formatMessage({ id: getTranslation('groupRoles.unknownRole'), defaultMessage: 'Role {id}' }, { id: roleId });

  return (
    <DataTable
      compact
      status={status}
      rows={status === 'loading' ? null : mappings}
      columns={COLUMNS}
      rowKey={(mapping) => `${mapping.groupId}:${mapping.roleId}`}
      loadingLabel={t('groupRoles.loading', 'Loading the provisioned groups…')}
      errorMessage={t('groupRoles.loadError', 'The provisioned groups could not be loaded.')}
      onRetry={onRetry}
      empty={
        <Box background="neutral100" padding={4} hasRadius>
          <Typography textColor="neutral600">
            {t(
              'groupRoles.empty',
              'No mappings yet. Provision groups from your identity provider, then map them here.',
            )}
          </Typography>
        </Box>
      }
      renderCells={(mapping, index) => {
        const group = lookup(mapping.groupId);
        const groupName = group.state === 'found' ? group.displayName : mapping.groupId;
        return (
          <>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                <Typography textColor="neutral800" fontWeight={group.state === 'found' ? 'semiBold' : undefined}>
                  {groupName}
                </Typography>
                {group.state === 'deleted' ? (
                  <Typography variant="pi" textColor="danger600">
                    {t(
                      'groupRoles.deletedGroup',
                      'Deleted group: this mapping has no effect and is dropped at the next save.',
                    )}
                  </Typography>
                ) : null}
              </Flex>
            </Td>
            <Td>
              <Typography textColor="neutral800">{roleName(mapping.roleId)}</Typography>
            </Td>
            <Td>
              <Flex justifyContent="flex-end">
                <RemoveMappingButton
                  label={formatMessage(
                    { id: getTranslation('groupRoles.remove'), defaultMessage: 'Remove {group} → {role}' },
                    { group: groupName, role: roleName(mapping.roleId) },
                  )}
                  body={formatMessage(
                    {
                      id: getTranslation('groupRoles.remove.body'),
                      defaultMessage:
                        'In production mode, the members of {group} lose the role {role} at once, unless another mapping or the default role gives it to them.',
                    },
                    { group: groupName, role: roleName(mapping.roleId) },
                  )}
                  disabledReason={disabledReason}
                  onRemove={() => onRemove(index)}
                />
              </Flex>
            </Td>
          </>
        );
      }}
    />
  );
};
