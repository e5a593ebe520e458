-- Let's Connect: words for the ids in the program's data, in the reader's language.
--
-- Generated pages and templates call this module instead of showing ids such as
-- "wikidata-basics", "es-N" or "mena". Its data page (Module:Let's Connect/Labels/data.json)
-- is written by the Let's Connect deploy from the repository's message files
-- (shared/i18n/*.json) and taxonomy: the same source as the gadget's labels. Do not edit
-- either page here: edit the repository and deploy.
--
-- The community's translations (R/Translations/<code>.json, checked and published by the bot
-- as User:<bot>/Translations/<code>.json) come first in their language, English per key last.
--
-- Every text from the data is made inert (nowiki) before it is shown, so a label can at worst
-- say something wrong, never add markup. Values from a page's own parameters are shown as the
-- template shows them ({{{param}}}): the gadget and the bot write them with every special
-- character as a character reference.

local p = {}

local DATA_TITLE = "Module:Let's Connect/Labels/data.json"
local DATA_VERSION = 1

local cache = {}

local function data()
	if cache.data == nil then
		local ok, loaded = pcall(mw.loadJsonData, DATA_TITLE)
		cache.data = (ok and type(loaded) == 'table' and loaded.version == DATA_VERSION) and loaded
			or { messages = { en = {} }, topics = {}, countries = {} }
	end
	return cache.data
end

-- The reader's language: {{int:lang}} gives it where the wiki has MediaWiki:Lang (Meta does), and
-- makes the parser cache keep one rendering per language; otherwise the wiki's own language.
local function readerLanguage(frame)
	if cache.lang == nil then
		local code = mw.text.trim(frame:preprocess('{{int:lang}}'))
		if not mw.language.isKnownLanguageTag(code) then
			code = mw.language.getContentLanguage():getCode()
		end
		cache.lang = code
	end
	return cache.lang
end

local function chain(frame)
	if cache.chain == nil then
		local code = readerLanguage(frame)
		local list = { code }
		for _, fallback in ipairs(mw.language.getFallbacksFor(code)) do
			table.insert(list, fallback)
		end
		table.insert(list, 'en')
		cache.chain = list
	end
	return cache.chain
end

-- The `$1`…`$9` a message uses, as one sorted string ("$1 $2"): a community translation must use
-- the same ones as the English the module has (shared/i18n/community.ts messageParameters).
local function placeholders(text)
	local seen, list = {}, {}
	for n in text:gmatch('%$([1-9])') do
		if not seen[n] then
			seen[n] = true
			table.insert(list, n)
		end
	end
	table.sort(list)
	return table.concat(list, ' ')
end

-- The community's translations for one language, as the bot last accepted them
-- (`User:<bot>/Translations/<code>.json`, a document whose `messages` is a list of
-- { key, text }; see bot/directory/translations.ts): key → text, {} when there is none. Only
-- the bot can edit those pages; what a key says is checked again here against the English the
-- module has (same placeholders), as the gadget does, and stays inert text like every message.
local function community(code)
	cache.community = cache.community or {}
	if cache.community[code] == nil then
		local found = {}
		local prefix = data().communityTranslations
		if type(prefix) == 'string' and prefix ~= '' and code ~= 'en' and mw.language.isKnownLanguageTag(code) then
			local ok, doc = pcall(mw.loadJsonData, prefix .. code .. '.json')
			if ok and type(doc) == 'table' and doc.kind == 'translations' and type(doc.messages) == 'table' then
				local english = (data().messages or {}).en or {}
				for _, m in ipairs(doc.messages) do
					local key, text = m.key, m.text
					if type(key) == 'string' and type(text) == 'string' and text ~= ''
						and type(english[key]) == 'string'
						and placeholders(text) == placeholders(english[key]) then
						found[key] = text
					end
				end
			end
		end
		cache.community[code] = found
	end
	return cache.community[code]
end

-- A message's text in the first language of the reader's chain that has it: the community's
-- translation of that language first, then the repository's (the deployed data), English last.
local function rawMessage(frame, key)
	local messages = data().messages or {}
	for _, code in ipairs(chain(frame)) do
		local text = community(code)[key]
		if text == nil then
			text = messages[code] and messages[code][key]
		end
		if text ~= nil and text ~= '' then
			return text
		end
	end
	return nil
end

-- `{{PLURAL:$n|one|other}}` in a message's text, chosen for the number its parameter n holds by
-- the reader's language's rules (the bot's messages use it as MediaWiki's do). The chosen form
-- is message text like the rest: made inert afterwards.
local function plural(frame, text, params)
	return (text:gsub('{{PLURAL:%$(%d)|(.-)}}', function(n, forms)
		local count = tonumber(mw.text.trim(params[tonumber(n)] or '')) or 0
		return mw.language.new(readerLanguage(frame)):plural(count, mw.text.split(forms, '|', true))
	end))
end

-- A message with its $1… filled by `params`. The message text itself is inert (nowiki), whoever
-- wrote it; the parameters are wikitext the caller made: module output, or what the bot wrote
-- into the call, where every value a person typed is escaped (shared/wikitext/escape.ts) and
-- only the bot's own links and label calls are markup.
local function msg(frame, key, ...)
	local text = rawMessage(frame, key)
	if text == nil then
		return nil
	end
	local params = { ... }
	return (mw.text.nowiki(plural(frame, text, params)):gsub('%$(%d)', function(n)
		return params[tonumber(n)] or ''
	end))
end

local function split(list)
	local out = {}
	for item in mw.text.gsplit(list or '', ',', true) do
		item = mw.text.trim(item)
		if item ~= '' then
			table.insert(out, item)
		end
	end
	return out
end

local function language(frame)
	return mw.language.new(readerLanguage(frame))
end

local function joinList(frame, items)
	local separator = mw.message.new('comma-separator'):inLanguage(readerLanguage(frame)):plain()
	return table.concat(items, separator)
end

-- Labels for one vocabulary's id; an unknown id is shown as it was written.
local function vocabulary(frame, prefix, id)
	return msg(frame, 'letsconnect-' .. prefix .. '-' .. id) or id
end

-- As shared/taxonomy/taxonomy.ts topicLabel: a label given on-wiki in the reader's language,
-- else the message, else an on-wiki label in a fallback language, else the id.
local function topicLabel(frame, id)
	local topic = (data().topics or {})[id]
	local labels = topic and topic.labels or {}
	local languages = chain(frame)
	if labels[languages[1]] ~= nil and labels[languages[1]] ~= '' then
		return mw.text.nowiki(labels[languages[1]])
	end
	local message = msg(frame, 'letsconnect-topic-' .. id)
	if message then
		return message
	end
	for _, code in ipairs(languages) do
		if labels[code] ~= nil and labels[code] ~= '' then
			return mw.text.nowiki(labels[code])
		end
	end
	return id
end

-- A name from one of the data's CLDR tables (`countries`, `languageNames`), in the reader's
-- language or a fallback; nil when it has none.
local function cldrName(frame, tableName, code)
	local names = data()[tableName] or {}
	for _, lang in ipairs(chain(frame)) do
		local known = names[lang] and names[lang][code]
		if known then
			return known
		end
	end
	return nil
end

local function languageName(frame, code)
	local known = cldrName(frame, 'languageNames', code)
	if known then
		return known
	end
	local name = mw.language.fetchLanguageName(code, readerLanguage(frame))
	if name == '' then
		name = mw.language.fetchLanguageName(code)
	end
	return name ~= '' and name or code
end

-- "es-N" → "Spanish (native)", "en-3" → "English (level 3)", "pt" → "Portuguese".
local function languageSkill(frame, skill)
	local code, level = mw.ustring.match(skill, '^([%a%-]-)%-([0-5Nn])$')
	if code == nil then
		return languageName(frame, skill)
	end
	local levelText
	if level == 'N' or level == 'n' then
		levelText = msg(frame, 'letsconnect-gadget-card-level-native')
	else
		levelText = msg(frame, 'letsconnect-gadget-card-level', level)
	end
	return msg(frame, 'letsconnect-gadget-card-language', languageName(frame, code), levelText)
end

local function countryName(frame, code)
	return cldrName(frame, 'countries', code) or code
end

-- "2026-12-01" → "1 December 2026"; "2026-12-01T16:00Z" → "1 December 2026, 16:00 UTC".
local function formatDate(frame, value, withTime)
	value = mw.text.trim(value or '')
	if value == '' then
		return ''
	end
	local ok, text = pcall(function()
		local lang = language(frame)
		if withTime then
			return lang:formatDate('j F Y, H:i', value) .. ' UTC'
		end
		return lang:formatDate('j F Y', value)
	end)
	return ok and text or value
end

-- "18" or "19:30" → "18:00", "19:30".
local function clock(hours, minutes)
	return string.format('%02d:%02d', tonumber(hours), tonumber(minutes ~= '' and minutes or '0'))
end

-- "weekdays 18-21, sat 09:30-12" → "Weekdays 18:00–21:00, Saturdays 09:30–12:00".
local function availability(frame, list)
	local items = {}
	for _, slot in ipairs(split(list)) do
		local days, fromH, fromM, toH, toM =
			mw.ustring.match(slot, '^(%a+) (%d%d?):?(%d*)%-(%d%d?):?(%d*)$')
		if days then
			local hours = clock(fromH, fromM) .. '–' .. clock(toH, toM)
			table.insert(items, vocabulary(frame, 'gadget-day', days) .. ' ' .. hours)
		else
			table.insert(items, slot)
		end
	end
	return joinList(frame, items)
end

local function mapList(frame, list, fn)
	local out = {}
	for _, item in ipairs(split(list)) do
		table.insert(out, fn(frame, item))
	end
	return joinList(frame, out)
end

local function userLink(name)
	return '[[User:' .. name .. '|' .. name .. ']]'
end

local function args(frame)
	return frame.args
end

-- {{#invoke:Let's Connect/Labels|topic|wikidata-basics}}
function p.topic(frame)
	return topicLabel(frame, mw.text.trim(args(frame)[1] or ''))
end

function p.topics(frame)
	return mapList(frame, args(frame)[1], topicLabel)
end

-- {{#invoke:Let's Connect/Labels|region|mena}} and the like, one per vocabulary.
for _, prefix in ipairs({ 'category', 'region', 'role', 'format', 'experience' }) do
	p[prefix] = function(frame)
		return vocabulary(frame, prefix, mw.text.trim(args(frame)[1] or ''))
	end
end

function p.formats(frame)
	return mapList(frame, args(frame)[1], function(f, id)
		return vocabulary(f, 'format', id)
	end)
end

-- Any vocabulary by its message prefix: {{#invoke:…|label|clinic-role|sharer}}.
function p.label(frame)
	return vocabulary(frame, mw.text.trim(args(frame)[1] or ''), mw.text.trim(args(frame)[2] or ''))
end

-- "es-N, en-3" (with levels) or "pt, en" (codes): names in the reader's language.
function p.languages(frame)
	return mapList(frame, args(frame)[1], languageSkill)
end

function p.country(frame)
	return countryName(frame, mw.text.trim(args(frame)[1] or ''))
end

-- Positional arguments from `from` on, as a list.
local function positional(a, from)
	local out = {}
	local i = from
	while a[i] ~= nil do
		table.insert(out, a[i])
		i = i + 1
	end
	return out
end

-- "Women in Red (Organiser)"
local function groupText(frame, group, role)
	if role == '' then
		return group
	end
	return msg(frame, 'letsconnect-gadget-card-group-role', group, vocabulary(frame, 'role', role))
end

-- Groups as pairs of arguments: group, role, group, role…
function p.groups(frame)
	local list = positional(args(frame), 1)
	local out = {}
	for i = 1, #list, 2 do
		local group = mw.text.trim(list[i])
		if group ~= '' then
			table.insert(out, groupText(frame, group, mw.text.trim(list[i + 1] or '')))
		end
	end
	return table.concat(out, '; ')
end

function p.availability(frame)
	return availability(frame, args(frame)[1])
end

function p.date(frame)
	return formatDate(frame, args(frame)[1], false)
end

function p.datetime(frame)
	return formatDate(frame, args(frame)[1], true)
end

-- A wall-clock time in a named zone, computed by the bot: {{#invoke:…|zoned|2026-12-01T17:00|Europe/Paris}}
-- → "1 December 2026, 17:00 (Europe/Paris)".
function p.zoned(frame)
	local value, zone = mw.text.trim(args(frame)[1] or ''), mw.text.trim(args(frame)[2] or '')
	local ok, text = pcall(function()
		return language(frame):formatDate('j F Y, H:i', value)
	end)
	text = ok and text or value
	if zone ~= '' then
		text = text .. ' (' .. mw.text.nowiki(zone:gsub('_', ' ')) .. ')'
	end
	return text
end

-- A month's name and year: {{#invoke:…|month|2026-12}} → "December 2026", "ديسمبر 2026".
function p.month(frame)
	local value = mw.text.trim(args(frame)[1] or '')
	local ok, text = pcall(function()
		return language(frame):formatDate('F Y', value .. '-01')
	end)
	return ok and text or value
end

-- A message of the program's own: {{#invoke:…|msg|letsconnect-template-…|param…}}.
function p.msg(frame)
	local a = args(frame)
	return msg(frame, mw.text.trim(a[1] or ''), unpack(positional(a, 2))) or ''
end

-- The calling template's arguments, and a reader of one of them, trimmed ('' when absent).
local function parentArgs(frame)
	local a = frame:getParent().args
	return a, function(name)
		return mw.text.trim(a[name] or '')
	end
end

-- A row of the profile card: a term and its description.
local function row(frame, key, value)
	if value == nil or value == '' then
		return ''
	end
	return '<dt>' .. (msg(frame, key) or key) .. '</dt><dd>' .. value .. '</dd>'
end

local function topicItems(frame, ids, other)
	local items = {}
	for _, id in ipairs(split(ids)) do
		table.insert(items, '<li>' .. topicLabel(frame, id) .. '</li>')
	end
	if other ~= nil and mw.text.trim(other) ~= '' then
		table.insert(items, '<li dir="auto">' .. other .. '</li>')
	end
	if #items == 0 then
		return ''
	end
	return '<ul>' .. table.concat(items) .. '</ul>'
end

-- The profile card, as the gadget's card (gadget/views/person-card) shows it: name, region and
-- country, a pause, then groups, can share, wants to learn, languages, time zone and
-- availability, formats, and what the person wrote about themself, with ways to reach them.
function p.profile(frame)
	local a, v = parentArgs(frame)
	local name = v('username')
	local out = {}
	table.insert(out, '<div class="letsconnect-box__title">' .. userLink(name) .. '</div>')

	local where = {}
	if v('region') ~= '' then
		table.insert(where, vocabulary(frame, 'region', v('region')))
	end
	if v('country') ~= '' then
		table.insert(where, countryName(frame, v('country')))
	end
	if #where > 0 then
		table.insert(out, '<div class="letsconnect-profile__where">' .. table.concat(where, ' · ') .. '</div>')
	end

	local snooze = v('snooze-until')
	if snooze ~= '' and snooze >= os.date('!%Y-%m-%d') then
		table.insert(out, '<div class="letsconnect-profile__snoozed">'
			.. (msg(frame, 'letsconnect-gadget-card-snoozed', formatDate(frame, snooze, false)) or '') .. '</div>')
	end

	local groups = {}
	for i = 1, 5 do
		local group, role = v('group' .. i), v('group' .. i .. '-role')
		if group ~= '' then
			table.insert(groups, '<li dir="auto">' .. groupText(frame, group, role) .. '</li>')
		end
	end

	local zone = v('timezone')
	local when = {}
	if zone ~= '' then
		table.insert(when, mw.text.nowiki((zone:gsub('_', ' '))))
	end
	if v('availability') ~= '' then
		table.insert(when, availability(frame, v('availability')))
	end

	local details = {
		row(frame, 'letsconnect-gadget-card-groups', #groups > 0 and ('<ul>' .. table.concat(groups) .. '</ul>') or ''),
		row(frame, 'letsconnect-gadget-card-share', topicItems(frame, v('share'), a['share-other'])),
		row(frame, 'letsconnect-gadget-card-learn', topicItems(frame, v('learn'), a['learn-other'])),
		row(frame, 'letsconnect-gadget-card-languages', mapList(frame, v('languages'), languageSkill)),
		row(frame, 'letsconnect-template-profile-time', table.concat(when, ' · ')),
		row(frame, 'letsconnect-gadget-card-formats', mapList(frame, v('formats'), function(f, id)
			return vocabulary(f, 'format', id)
		end)),
	}
	table.insert(out, '<dl class="letsconnect-profile__details">' .. table.concat(details) .. '</dl>')

	if v('about') ~= '' then
		table.insert(out, '<div class="letsconnect-profile__about" dir="auto">' .. a['about'] .. '</div>')
	end
	table.insert(out, '<div class="letsconnect-profile__links">'
		.. '[[User talk:' .. name .. '|' .. (msg(frame, 'letsconnect-gadget-card-talk') or '') .. ']] · '
		.. '[[Special:EmailUser/' .. name .. '|' .. (msg(frame, 'letsconnect-gadget-card-email') or '') .. ']]'
		.. '</div>')
	if v('updated') ~= '' then
		table.insert(out, '<div class="letsconnect-box__updated">'
			.. (msg(frame, 'letsconnect-template-profile-updated', formatDate(frame, v('updated'):sub(1, 10), false)) or '')
			.. '</div>')
	end
	return table.concat(out)
end

-- Who does what in a proposed connection: "Anel can share Engaging in social media… with
-- Kabazu kaan (learning) · 1:1 connection · meeting in English".
function p.proposal(frame)
	local _, v = parentArgs(frame)
	local learners = {}
	for i = 1, 3 do
		local learner = v('learner' .. i)
		if learner ~= '' then
			table.insert(learners, msg(frame, 'letsconnect-template-proposal-learner', userLink(learner)))
		end
	end
	local parts = {
		msg(frame, 'letsconnect-template-proposal-who', userLink(v('sharer')),
			"<i>" .. topicLabel(frame, v('topic')) .. "</i>", joinList(frame, learners)),
	}
	if v('format') ~= '' then
		table.insert(parts, vocabulary(frame, 'format', v('format')))
	end
	local languages = split(v('languages'))
	if #languages > 0 then
		local meeting = msg(frame, 'letsconnect-template-proposal-language', languageName(frame, languages[1]))
		if #languages > 1 then
			local others = {}
			for i = 2, #languages do
				table.insert(others, languageName(frame, languages[i]))
			end
			meeting = meeting .. ' ' .. msg(frame, 'letsconnect-template-proposal-also', joinList(frame, others))
		end
		table.insert(parts, meeting)
	end
	-- When they are all free (written by the bot from their profiles): in UTC, then in each
	-- person's own zone ("Africa/Nairobi tue 17-21").
	if v('times') ~= '' then
		local when = { msg(frame, 'letsconnect-template-proposal-times', availability(frame, v('times')) .. ' UTC') }
		local people = { { v('sharer'), v('sharer-times') } }
		for i = 1, 3 do
			table.insert(people, { v('learner' .. i), v('learner' .. i .. '-times') })
		end
		for _, person in ipairs(people) do
			local zone, slots = mw.ustring.match(person[2], '^(%S+) (.+)$')
			if person[1] ~= '' and zone then
				table.insert(when, msg(frame, 'letsconnect-template-proposal-local', person[1],
					availability(frame, slots), mw.text.nowiki((zone:gsub('_', ' ')))))
			end
		end
		table.insert(parts, '<span class="letsconnect-proposal__times">' .. table.concat(when, '; ') .. '</span>')
	end
	return table.concat(parts, ' · ')
end

return p
