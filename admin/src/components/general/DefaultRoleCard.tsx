import { Flex } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { RoleOption } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { RoleSelect } from '../common/RoleSelect';
import { SectionCard } from '../common/SectionCard';
import { DisabledReasonNote } from '../common/WithDisabledReason';

interface DefaultRoleCardProps {
  roles: RoleOption[];
  defaultRoleId: number | null;
  disabledReason?: string;
  onChange: (roleId: number) => Promise<boolean>;
  /** How many provisioned users are applied to Strapi: in production mode their roles are recomputed. */
  appliedUsers?: number;
  productionMode?: boolean;
  /** Above this many users the recomputation runs as a background job. */
  jobThreshold?: number;
}

/**
 * The role new provisioned users get. Super Admin is never offered: the API refuses it. In production mode a change
 * recomputes the roles of every applied user, so it asks first, naming how many.
 */
export const DefaultRoleCard = ({
  roles,
  defaultRoleId,
  disabledReason,
  onChange,
  appliedUsers = 0,
  productionMode = false,
  jobThreshold = Infinity,
}: DefaultRoleCardProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const [pendingRoleId, setPendingRoleId] = useState<number | null>(null);
  const choose = (roleId: number) => {
    if (roleId === defaultRoleId) return;
    if (productionMode && appliedUsers > 0) setPendingRoleId(roleId);
    else void onChange(roleId);
  };
  const pendingRole = roles.find((role) => role.id === pendingRoleId);
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
          onChange={choose}
        />
        <DisabledReasonNote reason={disabledReason} />
      </Flex>
      <ConfirmDialog
        open={pendingRoleId !== null}
        onOpenChange={(open) => {
          if (!open) setPendingRoleId(null);
        }}
        variant="default"
        title={t('defaultRole.confirm.title', 'Change the default role?')}
        confirmLabel={t('defaultRole.confirm.action', 'Change role')}
        onConfirm={async () => {
          if (pendingRoleId !== null) await onChange(pendingRoleId);
        }}
      >
        {formatMessage(
          {
            id: getTranslation('defaultRole.confirm.body'),
            defaultMessage:
              'The roles of {count, plural, one {# user} other {# users}} applied to Strapi will be recomputed with {role} as the default role.',
          },
          { count: appliedUsers, role: pendingRole?.name ?? '' },
        )}
        {appliedUsers > jobThreshold
          ? ` ${formatMessage({
              id: getTranslation('defaultRole.confirm.job'),
              defaultMessage: 'This runs in the background; the Production mode card shows its progress.',
            })}`
          : null}
      </ConfirmDialog>
    </SectionCard>
  );
};
