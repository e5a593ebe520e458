import fs from 'node:fs';
import path from 'node:path';
import { COMMANDS } from '../../../bot/commands';
import { ENV_NAMES } from '../../../bot/config/config';
import { EXIT_MEANINGS } from '../../../bot/exit-codes';

const ROOT = path.join(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const OPERATOR = 'docs/operator.md';

/** The rows of the first table under `## <heading>`, each as its trimmed cells. */
function tableRows(markdown: string, heading: string): string[][] {
  const section = markdown.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

describe('the docs say what the code says', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '%s: its page and the operator guide state its --help line',
    (_name, command) => {
      expect(read(command.docs)).toContain(command.description);
      expect(read(OPERATOR)).toContain(
        `letsconnect-bot ${command.name.padEnd(10)} ${command.description}\n`,
      );
    },
  );

  it('the operator guide lists every command, and no other', () => {
    const listed = [...read(OPERATOR).matchAll(/^letsconnect-bot (\w+) {2,}/gm)].map((m) => m[1]);
    expect(listed).toEqual(COMMANDS.map((c) => c.name));
  });

  it("the operator guide's exit codes are the code's", () => {
    const rows = tableRows(read(OPERATOR), 'Exit codes');
    expect(Object.fromEntries(rows.map(([code, meaning]) => [code, meaning]))).toEqual(
      Object.fromEntries(Object.entries(EXIT_MEANINGS)),
    );
  });

  it("the operator guide's settings are the code's, with their environment variables", () => {
    const rows = tableRows(read(OPERATOR), 'Settings');
    expect(rows.map(([setting, env]) => [setting, env])).toEqual(
      Object.entries(ENV_NAMES).map(([key, name]) => [`\`${key}\``, `\`${name}\``]),
    );
  });
});
