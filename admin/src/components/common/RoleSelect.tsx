import { SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { SUPER_ADMIN_ROLE_CODE } from '../../permissions';
import type { RoleOption } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

interface RoleSelectProps {
  roles: RoleOption[];
  value: number | null;
  disabled: boolean;
  onChange: (roleId: number) => void;
  name?: string;
  'aria-label'?: string;
}

/** A select of the roles SCIM may hand out: Super Admin is never offered, the API refuses it. */
export const RoleSelect = ({ roles, value, disabled, onChange, ...rest }: RoleSelectProps) => {
  const { formatMessage } = useIntl();
  return (
    <SingleSelect
      {...rest}
      value={value ?? undefined}
      disabled={disabled}
      placeholder={formatMessage({ id: getTranslation('defaultRole.placeholder'), defaultMessage: 'Choose a role' })}
      onChange={(selected) => onChange(Number(selected))}
    >
      {roles
        .filter((role) => role.code !== SUPER_ADMIN_ROLE_CODE)
        .map((role) => (
          <SingleSelectOption key={role.id} value={role.id}>
            {role.name}
          </SingleSelectOption>
        ))}
    </SingleSelect>
  );
};
