import { Layouts, Page } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';

interface PluginPageProps {
  /** The browser tab's title. */
  pageTitle: string;
  title: string;
  subtitle: string;
  primaryAction?: ReactNode;
  children: ReactNode;
}

/** The frame every settings page of the plugin shares: tab title, header with subtitle and action, content. */
export const PluginPage = ({ pageTitle, title, subtitle, primaryAction, children }: PluginPageProps) => (
  <Page.Main>
    <Page.Title>{pageTitle}</Page.Title>
    <Layouts.Header title={title} subtitle={subtitle} primaryAction={primaryAction} />
    <Layouts.Content>{children}</Layouts.Content>
  </Page.Main>
);
