import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { AppRoleMatch } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { DisabledReasonNote } from '../common/WithDisabledReason';

const OPTIONS: { value: AppRoleMatch; defaultMessage: string }[] = [
  { value: 'off', defaultMessage: 'Off: app roles give no role' },
  { value: 'name', defaultMessage: 'By role name (app role "Editor" gives the role Editor)' },
  { value: 'code', defaultMessage: 'By role code (app role "strapi-editor" gives the role Editor)' },
  { value: 'table', defaultMessage: 'By the table below' },
];

interface AppRoleMatchSelectProps {
  value: AppRoleMatch;
  disabledReason?: string;
  onChange: (match: AppRoleMatch) => void;
}

/** How app role values find their role: off, by name, by code, or by an explicit table. */
export const AppRoleMatchSelect = ({ value, disabledReason, onChange }: AppRoleMatchSelectProps) => {
  const { formatMessage } = useIntl();
  return (
    <Field.Root name="appRoleMatch">
      <Field.Label>
        {formatMessage({ id: getTranslation('appRoles.match.label'), defaultMessage: 'Match app roles' })}
      </Field.Label>
      <SingleSelect
        value={value}
        disabled={Boolean(disabledReason)}
        onChange={(selected) => onChange(selected as AppRoleMatch)}
      >
        {OPTIONS.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {formatMessage({
              id: getTranslation(`appRoles.match.${option.value}`),
              defaultMessage: option.defaultMessage,
            })}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <DisabledReasonNote reason={disabledReason} />
    </Field.Root>
  );
};
