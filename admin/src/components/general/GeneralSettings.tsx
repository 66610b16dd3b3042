import { Flex, Grid } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { SettingsResponse, SettingsUpdate } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { AppRoleMappingCard } from '../appRoles/AppRoleMappingCard';
import { GroupRoleMappingCard } from '../groupRoles/GroupRoleMappingCard';
import { InvitationsCard } from '../invitations/InvitationsCard';
import { SecretsSection } from '../secrets/SecretsSection';
import { AttributeMappingsCard } from './AttributeMappingsCard';
import { DefaultRoleCard } from './DefaultRoleCard';
import { EndpointCard } from './EndpointCard';
import { ProductionModeCard } from './ProductionModeCard';
import { ReadOnlyNotice } from './ReadOnlyNotice';

interface GeneralSettingsProps {
  settings: SettingsResponse;
  canManageSecrets: boolean;
  /** Why settings controls are disabled; undefined when the admin may update them. */
  updateDisabledReason?: string;
  /** Why the controls that change what SCIM hands out are disabled; undefined when the admin may create users. */
  grantDisabledReason?: string;
  secretsDisabledReason?: string;
  update: (patch: SettingsUpdate, successMessage: string) => Promise<boolean>;
  regenerateEndpoint: (successMessage: string) => Promise<boolean>;
  /** Called after a secret was created, rotated or deleted. */
  onSecretsChanged?: () => void;
}

/** The General page's content below its header. */
export const GeneralSettings = ({
  settings,
  canManageSecrets,
  updateDisabledReason,
  grantDisabledReason,
  secretsDisabledReason,
  update,
  regenerateEndpoint,
  onSecretsChanged,
}: GeneralSettingsProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const grantingDisabledReason = updateDisabledReason ?? grantDisabledReason;
  // Switching to test mode hands out nothing, so only switching production mode on needs the grant.
  const productionDisabledReason = updateDisabledReason ?? (settings.productionMode ? undefined : grantDisabledReason);

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <ReadOnlyNotice
        reasons={[updateDisabledReason, grantDisabledReason, secretsDisabledReason].filter((reason): reason is string =>
          Boolean(reason),
        )}
      />
      <EndpointCard
        endpointUrl={settings.endpointUrl}
        disabledReason={updateDisabledReason}
        onRegenerate={() => regenerateEndpoint(t('notification.endpointRegenerated', 'New endpoint URL generated'))}
      />
      <Grid.Root gap={6}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <ProductionModeCard
            productionMode={settings.productionMode}
            provisioned={settings.provisioned}
            job={settings.productionJob}
            disabledReason={productionDisabledReason}
            onChange={(productionMode) =>
              update(
                { productionMode },
                productionMode
                  ? t('notification.productionOn', 'Production mode is on')
                  : t('notification.productionOff', 'Test mode is on'),
              )
            }
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <DefaultRoleCard
            roles={settings.roles}
            defaultRoleId={settings.defaultRoleId}
            appliedUsers={settings.provisioned.appliedUsers}
            productionMode={settings.productionMode}
            jobThreshold={settings.roleChangeJobThreshold}
            disabledReason={grantingDisabledReason}
            onChange={(defaultRoleId) =>
              update({ defaultRoleId }, t('notification.defaultRoleSaved', 'Default role saved'))
            }
          />
        </Grid.Item>
      </Grid.Root>
      <InvitationsCard
        enabled={settings.invitationsEnabled}
        version={settings}
        disabledReason={updateDisabledReason}
        onChange={(invitationsEnabled) =>
          update(
            { invitationsEnabled },
            invitationsEnabled
              ? t('notification.invitationsOn', 'Invitations are on')
              : t('notification.invitationsOff', 'Invitations are off'),
          )
        }
      />
      <GroupRoleMappingCard
        mappings={settings.groupRoleMappings}
        roles={settings.roles}
        disabledReason={grantingDisabledReason}
        onSave={(groupRoleMappings, successMessage) => update({ groupRoleMappings }, successMessage)}
      />
      <AppRoleMappingCard
        match={settings.appRoleMatch}
        mappings={settings.appRoleMappings}
        roles={settings.roles}
        disabledReason={grantingDisabledReason}
        onSave={update}
      />
      <AttributeMappingsCard mappings={settings.attributeMappings} />
      <SecretsSection
        canManage={canManageSecrets}
        disabledReason={secretsDisabledReason}
        grantDisabledReason={grantDisabledReason}
        allowReveal={settings.allowSecretReveal}
        onChanged={onSecretsChanged}
      />
    </Flex>
  );
};
