import { botMayPost } from '../../../bot/wiki/bots-template';

const BOT = 'LetsConnectBot';

describe('botMayPost ({{bots}}/{{nobots}})', () => {
  it.each([
    ['', true],
    ['Hello {{bots}}', true],
    ['{{nobots}}', false],
    ['{{ NoBots }}', false],
    ['{{bots|deny=all}}', false],
    ['{{bots|deny=none}}', true],
    ['{{bots|deny=SomeOtherBot, LetsConnectBot}}', false],
    ['{{bots|deny=SomeOtherBot}}', true],
    ['{{bots|allow=none}}', false],
    ['{{bots|allow=all}}', true],
    ['{{bots|allow=SomeOtherBot}}', false],
    ['{{bots|allow=SomeOtherBot,letsconnectbot}}', true],
    ['{{bots|allow=Lets_Connect_Bot}}', false],
    ['{{bots|optout=all}}', false],
    ['{{bots|optout=letsconnect}}', false],
    ['{{bots|optout=nosource, letsconnect}}', false],
    ['{{bots|optout=nosource}}', true],
    ['text {{bots|allow=all}} and later {{nobots}}', false],
  ])('%j → %s', (text, expected) => {
    expect(botMayPost(text, BOT)).toBe(expected);
  });
});
