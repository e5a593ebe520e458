import { flushPromises, mount } from '@vue/test-utils';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../../shared/program';
import { ProgramApp } from '../../../gadget/views/program/ProgramApp';
import { withEnv } from '../support/env';
import type { FakeWiki } from '../support/fake-wiki';

/** The program app on `pageTitle` (the root by default) for `username`, settled. */
export async function mountProgram(
  wiki: FakeWiki,
  username: string | null,
  options: {
    pageTitle?: string;
    navigate?: (url: string) => void;
    env?: Parameters<typeof withEnv>[0];
    attach?: boolean;
  } = {},
) {
  const w = mount(ProgramApp, {
    props: {
      client: wiki,
      root: DEFAULT_ROOT,
      botName: DEFAULT_BOT_NAME,
      username,
      pageTitle: options.pageTitle ?? DEFAULT_ROOT,
      navigate: options.navigate ?? jest.fn(),
    },
    ...(options.attach ? { attachTo: document.body } : {}),
    ...withEnv(options.env),
  });
  await flushPromises();
  return w;
}
