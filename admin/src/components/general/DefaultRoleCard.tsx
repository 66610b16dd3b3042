import { Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { SUPER_ADMIN_ROLE_CODE } from '../../permissions';
import type { RoleOption } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { SectionCard } from '../common/SectionCard';
import { DisabledReasonNote } from '../common/WithDisabledReason';

interface DefaultRoleCardProps {
  roles: RoleOption[];
  defaultRoleId: number | null;
  disabledReason?: string;
  onChange: (roleId: number) => Promise<boolean>;
}

/** The role new provisioned users get. Super Admin is never offered: the API refuses it. */
export const DefaultRoleCard = ({ roles, defaultRoleId, disabledReason, onChange }: DefaultRoleCardProps) => {
  const { formatMessage } = useIntl();
  const label = formatMessage({ id: getTranslation('defaultRole.title'), defaultMessage: 'Default user role' });
  const assignableRoles = roles.filter((role) => role.code !== SUPER_ADMIN_ROLE_CODE);

  return (
    <SectionCard
      title={label}
      description={formatMessage({
        id: getTranslation('defaultRole.description'),
        defaultMessage: 'The role given to the users your identity provider creates.',
      })}
    >
      <Flex direction="column" alignItems="stretch" gap={1}>
        <SingleSelect
          name="defaultRoleId"
          aria-label={label}
          value={defaultRoleId ?? undefined}
          disabled={Boolean(disabledReason)}
          placeholder={formatMessage({
            id: getTranslation('defaultRole.placeholder'),
            defaultMessage: 'Choose a role',
          })}
          onChange={(value) => void onChange(Number(value))}
        >
          {assignableRoles.map((role) => (
            <SingleSelectOption key={role.id} value={role.id}>
              {role.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <DisabledReasonNote reason={disabledReason} />
      </Flex>
    </SectionCard>
  );
};
