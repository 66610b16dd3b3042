import { Field, TextInput } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { AppRoleMapping, RoleOption } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { AddRoleMappingRow } from '../common/AddRoleMappingRow';

interface AddAppRoleFormProps {
  roles: RoleOption[];
  mappings: AppRoleMapping[];
  disabledReason?: string;
  /** Resolves true once saved; the parent then remounts the form to clear it. */
  onAdd: (mapping: AppRoleMapping) => Promise<boolean>;
}

/** App role value + role select + Add. */
export const AddAppRoleForm = ({ roles, mappings, disabledReason, onAdd }: AddAppRoleFormProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const [value, setValue] = useState('');
  const [roleId, setRoleId] = useState<number | null>(null);
  const trimmed = value.trim();
  const duplicate = mappings.some((mapping) => mapping.value === trimmed && mapping.roleId === roleId);

  return (
    <AddRoleMappingRow
      source={
        <Field.Root name="appRoleValue" flex={1}>
          <Field.Label>{t('appRoles.value.label', 'App role value')}</Field.Label>
          <TextInput
            value={value}
            disabled={Boolean(disabledReason)}
            maxLength={255}
            placeholder={t('appRoles.value.placeholder', 'The app role value in Entra ID, e.g. Editor')}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setValue(event.currentTarget.value)}
          />
        </Field.Root>
      }
      roles={roles}
      roleId={roleId}
      onRoleChange={setRoleId}
      disabledReason={disabledReason}
      complete={trimmed !== '' && !duplicate}
      onAdd={() => (roleId === null ? Promise.resolve(false) : onAdd({ value: trimmed, roleId }))}
    />
  );
};
