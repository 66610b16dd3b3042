import { Button, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { SUPER_ADMIN_ROLE_CODE } from '../../permissions';
import type { GroupRoleMapping, ProvisionedGroupResponse, RoleOption } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { WithDisabledReason } from '../common/WithDisabledReason';
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
  const [isSaving, setIsSaving] = useState(false);
  const disabled = Boolean(disabledReason);
  const assignableRoles = roles.filter((role) => role.code !== SUPER_ADMIN_ROLE_CODE);
  const duplicate =
    group !== null && mappings.some((mapping) => mapping.groupId === group.id && mapping.roleId === roleId);

  const add = async () => {
    if (!group || roleId === null) return;
    setIsSaving(true);
    const saved = await onAdd(group, roleId);
    if (!saved) setIsSaving(false);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Flex gap={2} alignItems="flex-end">
        <Field.Root name="groupId" flex={1}>
          <Field.Label>
            {formatMessage({ id: getTranslation('groupRoles.group.label'), defaultMessage: 'Provisioned group' })}
          </Field.Label>
          <GroupPicker disabled={disabled} onChange={setGroup} />
        </Field.Root>
        <Field.Root name="roleId" flex={1}>
          <Field.Label>
            {formatMessage({ id: getTranslation('groupRoles.role.label'), defaultMessage: 'Role' })}
          </Field.Label>
          <SingleSelect
            value={roleId ?? undefined}
            disabled={disabled}
            placeholder={formatMessage({
              id: getTranslation('defaultRole.placeholder'),
              defaultMessage: 'Choose a role',
            })}
            onChange={(value) => setRoleId(Number(value))}
          >
            {assignableRoles.map((role) => (
              <SingleSelectOption key={role.id} value={role.id}>
                {role.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <WithDisabledReason reason={disabledReason}>
          <Button
            size="L"
            startIcon={<Plus />}
            disabled={disabled || !group || roleId === null || duplicate}
            loading={isSaving}
            onClick={add}
          >
            {formatMessage({ id: getTranslation('groupRoles.add'), defaultMessage: 'Add mapping' })}
          </Button>
        </WithDisabledReason>
      </Flex>
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
