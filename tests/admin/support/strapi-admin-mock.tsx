/**
 * Stand-in for `@strapi/strapi/admin`, whose real entry boots the whole admin app and cannot load in jsdom.
 * The hooks are jest.fn()s each test configures; the page helpers are plain markup with the same props.
 */
import type { ReactNode } from 'react';

export const useFetchClient = jest.fn();
export const useNotification = jest.fn();
/** Called as `useAuth(consumerName, selector)`: a test answers with `selector` applied to its auth state. */
export const useAuth = jest.fn();

interface EmptyStateProps {
  content?: string;
  action?: ReactNode;
}

export const Page = {
  Main: ({ children }: { children: ReactNode }) => <main>{children}</main>,
  Title: () => null,
  Loading: () => <p>Loading content.</p>,
  Error: ({ content, action }: EmptyStateProps) => (
    <div role="alert">
      <p>{content ?? 'Whoops! Something went wrong. Please, try again.'}</p>
      {action}
    </div>
  ),
  NoPermissions: ({ content }: EmptyStateProps) => (
    <p>{content ?? "You don't have the permissions to access that content"}</p>
  ),
};

export const Layouts = {
  Header: ({ title, subtitle, primaryAction }: { title: string; subtitle?: ReactNode; primaryAction?: ReactNode }) => (
    <header>
      <h1>{title}</h1>
      <p>{subtitle}</p>
      {primaryAction}
    </header>
  ),
  Content: ({ children }: { children: ReactNode }) => <div>{children}</div>,
};
