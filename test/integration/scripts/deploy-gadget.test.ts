import { buildGadget } from '../../../scripts/gadget/build';
import { contentPages } from '../../../scripts/gadget/content-pages';
import { DEFINITION_PAGE, deployGadget, gadgetPages } from '../../../scripts/gadget/deploy';
import { adminClient, credentials, wiki } from '../../support/local-wiki';

const DESCRIPTION_PAGE = 'MediaWiki:Gadget-letsconnect';
/**
 * Every page a deploy writes: the script, styles, a messages page per language, description,
 * definition, and the content pages that show the same labels (templates, label module, its data).
 */
let GADGET_PAGES: string[] = [];

async function revisions(): Promise<Record<string, number | undefined>> {
  const admin = await adminClient([]);
  const pages = await admin.readPages(GADGET_PAGES);
  return Object.fromEntries(pages.map((p) => [p.title, p.revid]));
}

function deployer(overrides: { username?: string; password?: string } = {}) {
  const c = credentials();
  return {
    apiUrl: wiki.apiUrl,
    username: overrides.username ?? c.LETSCONNECT_DEPLOY_USERNAME,
    password: overrides.password ?? c.LETSCONNECT_DEPLOY_PASSWORD,
    sha: 'test-sha',
    log: () => undefined,
  };
}

describe('scripts/deploy-gadget against the real wiki', () => {
  beforeAll(async () => {
    const build = await buildGadget();
    GADGET_PAGES = [
      ...Object.keys(gadgetPages(build, '')),
      ...Object.keys(contentPages()),
      DEFINITION_PAGE,
    ];
    expect(GADGET_PAGES).toEqual(
      expect.arrayContaining([
        'MediaWiki:Gadget-letsconnect.js',
        'MediaWiki:Gadget-letsconnect-core.js',
        'MediaWiki:Gadget-letsconnect-directory.js',
        'MediaWiki:Gadget-letsconnect.css',
        'MediaWiki:Gadget-letsconnect-messages-ar.json',
        DESCRIPTION_PAGE,
        "Template:Let's Connect/Profile",
        "Module:Let's Connect/Labels",
        "Module:Let's Connect/Labels/data.json",
      ]),
    );
    // Whatever ran before, start from the gadget as this tree builds it.
    await deployGadget({ ...deployer(), dryRun: false });
  });

  it('skips pages that are already up to date', async () => {
    const before = await revisions();
    const result = await deployGadget({ ...deployer(), dryRun: false });
    expect(result.changed).toEqual([]);
    expect(result.unchanged.sort()).toEqual([...GADGET_PAGES].sort());
    expect(await revisions()).toEqual(before);
  });

  it('prints a diff in a dry run and writes nothing', async () => {
    const before = await revisions();
    const lines: string[] = [];
    const result = await deployGadget({
      ...deployer(),
      dryRun: true,
      description: 'A changed description',
      log: (l) => lines.push(l),
    });
    expect(result.changed).toEqual([DESCRIPTION_PAGE]);
    expect(lines.join('\n')).toMatch(/^\+A changed description$/m);
    expect(await revisions()).toEqual(before);
  });

  it('saves changes with a "Repo at <sha>" summary', async () => {
    const result = await deployGadget({
      ...deployer(),
      dryRun: false,
      sha: 'abc1234',
      description: 'Changed for the summary test',
    });
    expect(result.changed).toEqual([DESCRIPTION_PAGE]);
    const admin = await adminClient([]);
    const response = (await admin.request({
      action: 'query',
      prop: 'revisions',
      titles: DESCRIPTION_PAGE,
      rvprop: 'comment|content',
      rvslots: 'main',
    })) as {
      query: {
        pages: { revisions: { comment: string; slots: { main: { content: string } } }[] }[];
      };
    };
    const rev = response.query.pages[0]!.revisions[0]!;
    expect(rev.comment).toBe("Repo at abc1234: Let's Connect gadget");
    expect(rev.slots.main.content).toBe('Changed for the summary test');
    await deployGadget({ ...deployer(), dryRun: false });
  });

  it('gives an account without interface-admin rights the text of an edit request instead of failing', async () => {
    const before = await revisions();
    const c = credentials();
    const result = await deployGadget({
      ...deployer({ username: c.LETSCONNECT_BOT_USERNAME, password: c.LETSCONNECT_BOT_PASSWORD }),
      dryRun: false,
      description: 'Needs an interface admin',
    });
    expect(result.changed).toEqual([]);
    expect(result.editRequest).toContain('{{Edit request}}');
    expect(result.editRequest).toContain(`[[${DESCRIPTION_PAGE}]]`);
    expect(await revisions()).toEqual(before);
  });
});
