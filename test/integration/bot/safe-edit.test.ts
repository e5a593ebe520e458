import { SafeEditor } from '../../../bot/wiki/safe-edit';
import { ShutoffError } from '../../../bot/wiki/errors';
import { DEFAULT_ROOT, SHUTOFF_RUNNING } from '../../../shared/program';
import { adminClient, botClient, uniqueTitle } from '../../support/local-wiki';

/**
 * Each test uses its own shutoff page, so that switching it off cannot disturb other tests
 * running at the same time against the same wiki.
 */
async function setup(options: { dryRun?: boolean } = {}) {
  const bot = await botClient();
  const shutoffPage = `User:LetsConnectBot/Shutoff-${uniqueTitle('x').slice(-10)}`;
  await bot.save(shutoffPage, SHUTOFF_RUNNING, 'test', null);
  const diffs: string[] = [];
  const editor = new SafeEditor(bot, {
    shutoffPage,
    botName: 'LetsConnectBot',
    dryRun: options.dryRun ?? false,
    printDiff: (d) => diffs.push(d),
  });
  return { bot, editor, shutoffPage, diffs };
}

describe('SafeEditor on the real wiki', () => {
  it('creates a page, then makes no edit when the text would not change', async () => {
    const { bot, editor } = await setup();
    const title = uniqueTitle('Safe');
    expect((await editor.edit(title, () => 'hello', 'test')).status).toBe('saved');
    const edits = bot.stats.edits;
    expect((await editor.edit(title, () => 'hello\n', 'test')).status).toBe('unchanged');
    expect(bot.stats.edits).toBe(edits);
  });

  it('writes nothing once the shutoff page says stop', async () => {
    const { bot, editor, shutoffPage } = await setup();
    const [page] = await bot.readPages([shutoffPage]);
    await bot.save(shutoffPage, 'stop', 'test', page!.revid!);
    const title = uniqueTitle('Stopped');
    await expect(editor.edit(title, () => 'should not be written', 'test')).rejects.toBeInstanceOf(
      ShutoffError,
    );
    const [after] = await bot.readPages([title]);
    expect(after?.exists).toBe(false);
  });

  it('prints a diff in a dry run and leaves the page at the same revision', async () => {
    const { bot, editor, diffs } = await setup({ dryRun: true });
    const title = uniqueTitle('Dry');
    const created = await bot.save(title, 'old line', 'test', null);
    const dry = await editor.edit(title, () => 'new line', 'test');
    expect(dry.status).toBe('dry-run');
    expect(diffs.join('\n')).toMatch(/^-old line$/m);
    expect(diffs.join('\n')).toMatch(/^\+new line$/m);
    const [after] = await bot.readPages([title]);
    expect(after?.revid).toBe(created.revid);
  });

  it('leaves a message only where {{bots}} allows it', async () => {
    const { bot, editor } = await setup();
    const title = uniqueTitle('Talk');
    await bot.save(title, 'Please no bots here. {{bots|deny=LetsConnectBot}}', 'test', null);
    const result = await editor.edit(
      title,
      (c) => `${c.content}\n== Hello ==\nA message.`,
      'test',
      { talkPage: true },
    );
    expect(result.status).toBe('excluded');
    const [after] = await bot.readPages([title]);
    expect(after?.content).not.toContain('A message.');
  });

  it('on an edit conflict reads again and rebuilds on the other edit, losing nothing', async () => {
    const { bot, editor } = await setup();
    const admin = await adminClient([DEFAULT_ROOT]);
    const title = uniqueTitle('Conflict');
    const created = await bot.save(title, 'count: 1', 'test', null);
    let calls = 0;
    const result = await editor.edit(
      title,
      async (current) => {
        calls++;
        if (calls === 1) {
          // Someone else edits the same line between our read and our save.
          await admin.save(title, 'count: 1 (edited by a person)', 'person', created.revid);
        }
        return `${current.content} + bot`;
      },
      'test',
    );
    expect(result.status).toBe('saved');
    expect(calls).toBeGreaterThanOrEqual(2);
    const [after] = await bot.readPages([title]);
    expect(after?.content).toBe('count: 1 (edited by a person) + bot');
  });
});
