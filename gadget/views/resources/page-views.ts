/**
 * Program pages with a view of their own beyond the program panel: R/Resources gets the
 * "add a resource" form, R/Report the report's charts. Null for any other page.
 */
import type { Component } from 'vue';
import { reportPageTitle, resourcesPageTitle } from '../../../shared/pages';
import type { WikiClient } from '../../../shared/wiki-client';
import { loadReport, ReportCharts } from '../report/ReportCharts';
import { ResourceForm } from './ResourceForm';

export function pageView(
  pageTitle: string,
  deps: { client: WikiClient; root: string; botName: string; username: string | null },
): { component: Component; props: Record<string, unknown> } | null {
  if (pageTitle === resourcesPageTitle(deps.root)) {
    return {
      component: ResourceForm,
      props: { client: deps.client, root: deps.root, username: deps.username },
    };
  }
  if (pageTitle === reportPageTitle(deps.root)) {
    return {
      component: ReportCharts,
      props: { load: () => loadReport(deps.client, deps.botName) },
    };
  }
  return null;
}
