import { Field, Flex, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { GroupRoleMapping, ProvisionedGroupResponse, RoleOption } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { AddRoleMappingRow } from '../common/AddRoleMappingRow';
import { GroupPicker } from './GroupPicker';

interface AddMappingFormProps {
  roles: RoleOption[];
  mappings: GroupRoleMapping[];
  disabledReason?: string;
  /** Resolves true once saved; the parent then remounts the form to clear it. */
  onAdd: (group: ProvisionedGroupResponse, roleId: number) => Promise<boolean>;
}

/** Group picker + role select + Add. Super Admin is never offered, as in the default-role select. */
export const AddMappingForm = ({ roles, mappings, disabledReason, onAdd }: AddMappingFormProps) => {
  const { formatMessage } = useIntl();
  const [group, setGroup] = useState<ProvisionedGroupResponse | null>(null);
  const [roleId, setRoleId] = useState<number | null>(null);
  const disabled = Boolean(disabledReason);
  const duplicate =
    group !== null && mappings.some((mapping) => mapping.groupId === group.id && mapping.roleId === roleId);

  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <AddRoleMappingRow
        source={
          <Field.Root name="groupId" flex={1}>
            <Field.Label>
              {formatMessage({ id: getTranslation('groupRoles.group.label'), defaultMessage: 'Provisioned group' })}
            </Field.Label>
            <GroupPicker disabled={disabled} onChange={setGroup} />
          </Field.Root>
        }
        roles={roles}
        roleId={roleId}
        onRoleChange={setRoleId}
        disabledReason={disabledReason}
        complete={group !== null && !duplicate}
        onAdd={() => (group === null || roleId === null ? Promise.resolve(false) : onAdd(group, roleId))}
      />
      {disabledReason || duplicate ? (
        <Typography variant="pi" textColor="neutral600">
          {disabledReason ??
            formatMessage({
              id: getTranslation('groupRoles.duplicate'),
              defaultMessage: 'This group is already mapped to this role.',
            })}
        </Typography>
      ) : null}
    </Flex>
  );
};
