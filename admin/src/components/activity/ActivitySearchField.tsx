import { Box, Field, TextInput } from '@strapi/design-system';
import { Search } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';

interface ActivitySearchFieldProps {
  value?: string;
  onChange: (search: string | undefined) => void;
}

/**
 * A search applied on Enter or when the field is left, not on every keystroke: each change asks the API again.
 * Keyed by its value where used, so a search changed elsewhere (cleared filters, the URL) resets the draft.
 */
export const ActivitySearchField = ({ value, onChange }: ActivitySearchFieldProps) => {
  const { formatMessage } = useIntl();
  const [draft, setDraft] = useState(value ?? '');
  const apply = () => {
    const search = draft.trim() || undefined;
    if (search !== value) onChange(search);
  };

  return (
    <Box width="22rem">
      <Field.Root
        name="search"
        hint={formatMessage({
          id: getTranslation('activity.search.hint'),
          defaultMessage: 'An id or externalId, or part of a userName or group name. Press Enter.',
        })}
      >
        <Field.Label>{formatMessage({ id: getTranslation('activity.search'), defaultMessage: 'Search' })}</Field.Label>
        <TextInput
          type="search"
          startAction={<Search />}
          value={draft}
          maxLength={200}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setDraft(event.currentTarget.value)}
          onKeyDown={(event: React.KeyboardEvent<HTMLInputElement>) => {
            if (event.key === 'Enter') apply();
          }}
          onBlur={apply}
        />
        <Field.Hint />
      </Field.Root>
    </Box>
  );
};
