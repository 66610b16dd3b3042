import { Button, Field, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { RoleOption } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { RoleSelect } from './RoleSelect';
import { WithDisabledReason } from './WithDisabledReason';

interface AddRoleMappingRowProps {
  /** The field of what is mapped onto the role (a group picker, an app role value). */
  source: ReactNode;
  roles: RoleOption[];
  roleId: number | null;
  onRoleChange: (roleId: number) => void;
  disabledReason?: string;
  /** Whether the source is chosen and the row is not in the list yet (a role must be chosen too). */
  complete: boolean;
  /** Resolves true once saved; the parent then remounts the form to clear it. */
  onAdd: () => Promise<boolean>;
}

/** Source field + role select + Add, the form row of every mapping onto roles. */
export const AddRoleMappingRow = ({
  source,
  roles,
  roleId,
  onRoleChange,
  disabledReason,
  complete,
  onAdd,
}: AddRoleMappingRowProps) => {
  const { formatMessage } = useIntl();
  const [isSaving, setIsSaving] = useState(false);
  const disabled = Boolean(disabledReason);

  const add = async () => {
    setIsSaving(true);
    if (!(await onAdd())) setIsSaving(false);
  };

  return (
    <Flex gap={2} alignItems="flex-end">
      {source}
      <Field.Root name="roleId" flex={1}>
        <Field.Label>
          {formatMessage({ id: getTranslation('groupRoles.role.label'), defaultMessage: 'Role' })}
        </Field.Label>
        <RoleSelect roles={roles} value={roleId} disabled={disabled} onChange={onRoleChange} />
      </Field.Root>
      <WithDisabledReason reason={disabledReason}>
        <Button
          size="L"
          startIcon={<Plus />}
          disabled={disabled || !complete || roleId === null}
          loading={isSaving}
          onClick={add}
        >
          {formatMessage({ id: getTranslation('groupRoles.add'), defaultMessage: 'Add mapping' })}
        </Button>
      </WithDisabledReason>
    </Flex>
  );
};
