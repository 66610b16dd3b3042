import { DesignSystemProvider } from '@strapi/design-system';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { MemoryRouter } from 'react-router-dom';
import en from '../../../admin/src/translations/en.json';

/** The English translations as `registerTrads` serves them: every key prefixed with `scim.`. */
export const englishMessages: Record<string, string> = Object.fromEntries(
  Object.entries(en as Record<string, string>).map(([key, value]) => [`scim.${key}`, value]),
);

export const renderWithProviders = (ui: ReactElement, { route = '/settings/scim/general' } = {}) => {
  const user = userEvent.setup({ pointerEventsCheck: 0 });
  // A wrapper, not markup around `ui`, so that `rerender` keeps the providers.
  const Providers = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[route]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <IntlProvider locale="en" messages={englishMessages} defaultLocale="en">
        <DesignSystemProvider locale="en">{children}</DesignSystemProvider>
      </IntlProvider>
    </MemoryRouter>
  );
  const result = render(ui, { wrapper: Providers });
  return { user, ...result };
};
