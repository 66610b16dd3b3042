import { Combobox, ComboboxOption } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useGroupSearch } from '../../hooks/useGroupSearch';
import type { ProvisionedGroupResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

interface GroupPickerProps {
  disabled?: boolean;
  onChange: (group: ProvisionedGroupResponse | null) => void;
}

/** A combobox of the provisioned groups, searched on the server by displayName prefix as the admin types. */
export const GroupPicker = ({ disabled = false, onChange }: GroupPickerProps) => {
  const { formatMessage } = useIntl();
  const { results, isLoading, failed, search } = useGroupSearch();
  const [textValue, setTextValue] = useState('');

  return (
    <Combobox
      autocomplete={{ type: 'list', filter: 'contains' }}
      disabled={disabled}
      placeholder={formatMessage({
        id: getTranslation('groupRoles.group.placeholder'),
        defaultMessage: 'Search groups by name',
      })}
      loading={isLoading}
      loadingMessage={formatMessage({
        id: getTranslation('groupRoles.group.loading'),
        defaultMessage: 'Searching the groups…',
      })}
      noOptionsMessage={() =>
        failed
          ? formatMessage({
              id: getTranslation('groupRoles.group.searchError'),
              defaultMessage: 'The groups could not be searched.',
            })
          : formatMessage({
              id: getTranslation('groupRoles.group.noResults'),
              defaultMessage: 'No provisioned group starts with this text.',
            })
      }
      clearLabel={formatMessage({ id: getTranslation('groupRoles.group.clear'), defaultMessage: 'Clear the group' })}
      textValue={textValue}
      onTextValueChange={setTextValue}
      onInputChange={(event) => {
        onChange(null);
        search(event.currentTarget.value);
      }}
      onOpenChange={(open) => {
        if (open) search(textValue, true);
      }}
      onChange={(value) => onChange(results.find((group) => group.id === value) ?? null)}
      onClear={() => {
        onChange(null);
        search('', true);
      }}
    >
      {results.map((group) => (
        <ComboboxOption key={group.id} value={group.id}>
          {group.displayName}
        </ComboboxOption>
      ))}
    </Combobox>
  );
};
