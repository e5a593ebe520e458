/**
 * Which clinic view a page gets: a clinic page (`R/Clinics/<YYYY-MM-DD> <name>`) the clinic
 * app, `R/Clinics` the calendar and the create form; any other page none (null).
 */
import type { Component } from 'vue';
import { parseClinicTitle } from '../../../shared/pages';
import type { WikiClient } from '../../../shared/wiki-client';
import type { ApiLike } from '../../kit';
import { ClinicApp } from './ClinicApp';
import { ClinicsIndexApp } from './ClinicsIndexApp';
import { accountLookup, withSubpages } from './clinic-wiki';

export interface ClinicRoute {
  component: Component;
  props: Record<string, unknown>;
}

export function clinicRoute(options: {
  root: string;
  botName: string;
  pageTitle: string;
  username: string | null;
  client: WikiClient;
  api: ApiLike;
  namespaceIds: Record<string, number>;
  absoluteUrl: (title: string) => string;
}): ClinicRoute | null {
  const { root, botName, pageTitle, username, client, api, namespaceIds, absoluteUrl } = options;
  if (pageTitle === `${root}/Clinics`) {
    return {
      component: ClinicsIndexApp,
      props: {
        wiki: client,
        root,
        botName,
        username,
        pageTitle,
        namespaceIds,
        absoluteUrl,
        accounts: accountLookup(api),
      },
    };
  }
  if (parseClinicTitle(root, pageTitle)?.kind !== 'clinic') return null;
  return {
    component: ClinicApp,
    props: {
      wiki: withSubpages(client, api, namespaceIds),
      botName,
      pageTitle,
      username,
      absoluteUrl,
    },
  };
}
