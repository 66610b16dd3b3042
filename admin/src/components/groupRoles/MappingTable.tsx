import { Flex, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { GroupLookup } from '../../hooks/useGroupDirectory';
import type { GroupRoleMapping, RoleOption } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { RemoveMappingButton } from './RemoveMappingButton';

interface MappingTableProps {
  mappings: GroupRoleMapping[];
  roles: RoleOption[];
  lookup: (groupId: string) => GroupLookup;
  disabledReason?: string;
  onRemove: (index: number) => Promise<boolean>;
}

/** One row per mapping, in priority order; a group that no longer exists shows its id and a hint. */
export const MappingTable = ({ mappings, roles, lookup, disabledReason, onRemove }: MappingTableProps) => {
  const { formatMessage } = useIntl();
  const header = (id: string, defaultMessage: string) => (
    <Th>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation(id), defaultMessage })}
      </Typography>
    </Th>
  );
  const roleName = (roleId: number) =>
    roles.find((role) => role.id === roleId)?.name ??
    formatMessage({ id: getTranslation('groupRoles.unknownRole'), defaultMessage: 'Role {id}' }, { id: roleId });

  return (
    <Table colCount={3} rowCount={mappings.length + 1}>
      <Thead>
        <Tr>
          {header('groupRoles.column.group', 'Provisioned group')}
          {header('groupRoles.column.role', 'Role')}
          <Th>
            <VisuallyHidden>{formatMessage({ id: getTranslation('groupRoles.column.action'), defaultMessage: 'Action' })}</VisuallyHidden>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {mappings.map((mapping, index) => {
          const group = lookup(mapping.groupId);
          const groupName = group.state === 'found' ? group.displayName : mapping.groupId;
          return (
            <Tr key={`${mapping.groupId}:${mapping.roleId}`}>
              <Td>
                <Flex direction="column" alignItems="flex-start">
                  <Typography textColor="neutral800" fontWeight={group.state === 'found' ? 'semiBold' : undefined}>
                    {groupName}
                  </Typography>
                  {group.state === 'deleted' ? (
                    <Typography variant="pi" textColor="danger600">
                      {formatMessage({
                        id: getTranslation('groupRoles.deletedGroup'),
                        defaultMessage: 'Deleted group: this mapping has no effect and is dropped at the next save.',
                      })}
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
                    groupName={groupName}
                    roleName={roleName(mapping.roleId)}
                    disabledReason={disabledReason}
                    onRemove={() => onRemove(index)}
                  />
                </Flex>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
