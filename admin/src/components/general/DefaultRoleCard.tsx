import { Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { RoleOption } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { RoleSelect } from '../common/RoleSelect';
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

  return (
    <SectionCard
      title={label}
      description={formatMessage({
        id: getTranslation('defaultRole.description'),
        defaultMessage: 'The role given to the users your identity provider creates.',
      })}
    >
      <Flex direction="column" alignItems="stretch" gap={1}>
        <RoleSelect
          name="defaultRoleId"
          aria-label={label}
          roles={roles}
          value={defaultRoleId}
          disabled={Boolean(disabledReason)}
          onChange={(roleId) => void onChange(roleId)}
        />
        <DisabledReasonNote reason={disabledReason} />
      </Flex>
    </SectionCard>
  );
};
