import { Flex, Td, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { AppRoleMapping, AppRoleMatch, RoleOption, SettingsUpdate } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import type { DataTableColumn } from '../common/DataTable';
import { SectionCard } from '../common/SectionCard';
import { StaticTable } from '../common/StaticTable';
import { RemoveMappingButton } from '../groupRoles/RemoveMappingButton';
import { AddAppRoleForm } from './AddAppRoleForm';
import { AppRoleMatchSelect } from './AppRoleMatchSelect';

const COLUMNS: DataTableColumn[] = [
  { id: 'appRoles.column.value', defaultMessage: 'App role value' },
  { id: 'groupRoles.column.role', defaultMessage: 'Role' },
  { id: 'groupRoles.column.action', defaultMessage: 'Action', hidden: true },
];

interface AppRoleMappingCardProps {
  match: AppRoleMatch;
  mappings: AppRoleMapping[];
  roles: RoleOption[];
  disabledReason?: string;
  /** Saves the match or the whole table and reports the outcome as a notification. */
  onSave: (patch: Pick<SettingsUpdate, 'appRoleMatch' | 'appRoleMappings'>, successMessage: string) => Promise<boolean>;
}

/** Entra ID app roles (the user's `roles`) → roles: how they match, and the explicit table. */
export const AppRoleMappingCard = ({ match, mappings, roles, disabledReason, onSave }: AppRoleMappingCardProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const [formKey, setFormKey] = useState(0);
  const roleName = (roleId: number) =>
    roles.find((role) => role.id === roleId)?.name ??
    formatMessage({ id: getTranslation('groupRoles.unknownRole'), defaultMessage: 'Role {id}' }, { id: roleId });

  const add = async (mapping: AppRoleMapping) => {
    const saved = await onSave(
      { appRoleMappings: [...mappings, mapping] },
      t('groupRoles.notification.added', 'Mapping added'),
    );
    if (saved) setFormKey((key) => key + 1);
    return saved;
  };

  const remove = (index: number) =>
    onSave(
      { appRoleMappings: mappings.filter((_, position) => position !== index) },
      t('groupRoles.notification.removed', 'Mapping removed'),
    );

  const description = t(
    'appRoles.description',
    'Users assigned an app role in Entra ID (sent as roles) get the matching role, before the roles of their groups and the default role; in production mode roles are recomputed whenever a user or this mapping changes.',
  );
  return (
    <SectionCard title={t('appRoles.title', 'App role mapping')} description={description}>
      <AppRoleMatchSelect
        value={match}
        disabledReason={disabledReason}
        onChange={(appRoleMatch) =>
          void onSave({ appRoleMatch }, t('appRoles.notification.match', 'App role matching saved'))
        }
      />
      {match === 'table' ? (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <StaticTable
            rows={mappings}
            columns={COLUMNS}
            rowKey={(mapping) => `${mapping.value}:${mapping.roleId}`}
            emptyMessage={t(
              'appRoles.empty',
              'No app role is mapped yet. Add the value of an app role and its role below.',
            )}
            renderCells={(mapping, index) => {
              const values = { value: mapping.value, role: roleName(mapping.roleId) };
              return (
                <>
                  <Td>
                    <Typography textColor="neutral800" fontWeight="semiBold">
                      {mapping.value}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">{values.role}</Typography>
                  </Td>
                  <Td>
                    <Flex justifyContent="flex-end">
                      <RemoveMappingButton
                        label={formatMessage(
                          { id: getTranslation('appRoles.remove'), defaultMessage: 'Remove {value} → {role}' },
                          values,
                        )}
                        body={formatMessage(
                          {
                            id: getTranslation('appRoles.remove.body'),
                            defaultMessage:
                              'In production mode, the users assigned the app role {value} lose the role {role} at once, unless another mapping or the default role gives it to them.',
                          },
                          values,
                        )}
                        disabledReason={disabledReason}
                        onRemove={() => remove(index)}
                      />
                    </Flex>
                  </Td>
                </>
              );
            }}
          />
          <AddAppRoleForm key={formKey} roles={roles} mappings={mappings} disabledReason={disabledReason} onAdd={add} />
        </Flex>
      ) : null}
    </SectionCard>
  );
};
