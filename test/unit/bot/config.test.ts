import {
  cliLabel,
  envLabel,
  fromEnvironment,
  machineSettingsOnWiki,
  parseConfigJson,
  resolveConfig,
} from '../../../bot/config/config';

describe('bot configuration', () => {
  it('takes each setting from the first source that has it, over the defaults', () => {
    const { config, problems } = resolveConfig([
      { name: 'the command line', values: { apiUrl: 'https://cli.example/w/api.php' } },
      {
        name: 'the environment',
        label: envLabel,
        values: fromEnvironment({
          LETSCONNECT_API_URL: 'https://env.example/w/api.php',
          LETSCONNECT_ROOT: 'Grants:Test',
        }),
      },
      { name: 'config.json', values: { root: 'Grants:From file', schedule: '0 3 * * *' } },
    ]);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      apiUrl: 'https://cli.example/w/api.php',
      root: 'Grants:Test',
      schedule: '0 3 * * *',
      botName: 'LetsConnectBot',
      contact: 'User:LetsConnectBot',
      dryRun: false,
    });
  });

  it('reports every bad value at once, naming the setting and its source', () => {
    const { config, problems } = resolveConfig([
      {
        name: 'the environment',
        label: envLabel,
        values: fromEnvironment({ LETSCONNECT_DRY_RUN: 'perhaps', LETSCONNECT_SCHEDULE: 'daily' }),
      },
      { name: 'the command line', label: cliLabel, values: { verbose: 'loud' } },
      { name: 'config.json', values: { apiUrl: 'ftp://x', botName: 'Bad|Name' } },
    ]);
    expect(config).toBeUndefined();
    expect(problems).toEqual([
      'apiUrl (from config.json) must be an http(s) URL.',
      'botName (from config.json) is not a user name: "Bad|Name".',
      'LETSCONNECT_SCHEDULE (from the environment) must be a cron expression with five fields (or six, with seconds), got "daily".',
      'LETSCONNECT_DRY_RUN (from the environment) must be true or false, got "perhaps".',
      '--verbose (from the command line) must be true or false, got "loud".',
    ]);
  });

  it('takes the run lock settings from the machine only, and checks them', () => {
    const api = { name: 'the command line', values: { apiUrl: 'https://x.example/w/api.php' } };
    const env = (vars: Record<string, string>) => ({
      name: 'the environment',
      label: envLabel,
      values: fromEnvironment(vars),
    });
    expect(
      resolveConfig([
        api,
        env({ LETSCONNECT_LOCK_DIR: '/data/project/tool', LETSCONNECT_LOCK_WAIT_MINUTES: '0' }),
      ]).config,
    ).toMatchObject({ lockDir: '/data/project/tool', lockWaitMinutes: 0 });
    expect(resolveConfig([api]).config?.lockWaitMinutes).toBe(10);
    expect(
      resolveConfig([
        api,
        env({ LETSCONNECT_LOCK_DIR: 'locks', LETSCONNECT_LOCK_WAIT_MINUTES: 'soon' }),
      ]).problems,
    ).toEqual([
      'LETSCONNECT_LOCK_DIR (from the environment) must be an absolute directory path, got "locks".',
      'LETSCONNECT_LOCK_WAIT_MINUTES (from the environment) must be a whole number of minutes from 0 to 1440, got "soon".',
    ]);
    // The on-wiki page is edited by people, not by whoever runs the machine.
    const title = 'User:LetsConnectBot/config.json';
    expect(machineSettingsOnWiki({ root: 'Grants:X', lockWaitMinutes: 0 }, title)).toEqual([
      'lockWaitMinutes (in User:LetsConnectBot/config.json) is a setting of the machine the bot runs on: set it on the command line, in the environment or in the --config file.',
    ]);
    expect(machineSettingsOnWiki({ root: 'Grants:X', schedule: '0 3 * * *' }, title)).toEqual([]);
  });

  it('says how to set the wiki when none is given', () => {
    expect(resolveConfig([]).problems).toEqual([
      'apiUrl is not set: pass --api-url or set LETSCONNECT_API_URL.',
    ]);
  });

  it('reads a JSON file, refusing unknown keys and non-objects', () => {
    expect(parseConfigJson('{"root": "Grants:X", "version": 1}', 'f.json')).toEqual({
      values: { root: 'Grants:X' },
      problems: [],
    });
    expect(parseConfigJson('{"roots": "x"}', 'f.json').problems[0]).toMatch(
      /unknown setting "roots"/,
    );
    expect(parseConfigJson('[1]', 'f.json').problems).toEqual(['f.json must hold a JSON object.']);
    expect(parseConfigJson('{', 'f.json').problems[0]).toMatch(/^f.json is not valid JSON/);
  });
});
