<?php
/**
 * Configuration that makes the local wiki behave like Meta-Wiki where it matters to
 * Let's Connect. Included at the end of the LocalSettings.php that install.php writes
 * into the git-ignored wiki folder; $lcWikiDir is set there.
 *
 * @var string $lcWikiDir
 */

if ( !defined( 'MEDIAWIKI' ) ) {
	exit;
}

$lcRepoDir = dirname( __DIR__, 3 );

$wgSitename = "Let's Connect local wiki";
$wgMetaNamespace = 'Meta';
$wgLanguageCode = 'en';
$wgEnableUploads = false;
$wgUploadDirectory = "$lcWikiDir/images";
$wgCacheDirectory = "$lcWikiDir/cache";
$wgTmpDirectory = "$lcWikiDir/tmp";
$wgMainCacheType = CACHE_DB;
$wgSessionCacheType = CACHE_DB;
$wgParserCacheType = CACHE_DB;
$wgLocalisationCacheConf['store'] = 'files';
$wgShowExceptionDetails = true;
$wgDebugLogFile = getenv( 'LETSCONNECT_WIKI_DEBUG' ) ? "$lcWikiDir/debug.log" : '';
// Meta serves ES2017+ to every browser; the gadget build targets that.
$wgResourceLoaderMaxQueryLength = 5000;

// The Grants namespace, where the program lives on Meta.
define( 'NS_GRANTS', 200 );
define( 'NS_GRANTS_TALK', 201 );
$wgExtraNamespaces[NS_GRANTS] = 'Grants';
$wgExtraNamespaces[NS_GRANTS_TALK] = 'Grants_talk';
$wgNamespacesWithSubpages[NS_GRANTS] = true;
$wgNamespacesWithSubpages[NS_GRANTS_TALK] = true;
$wgNamespacesWithSubpages[NS_USER] = true;
$wgContentNamespaces[] = NS_GRANTS;

// Extensions Meta runs that the program's pages and gadget rely on.
wfLoadExtension( 'Gadgets' );
wfLoadExtension( 'ParserFunctions' );
wfLoadExtension( 'Scribunto' );
wfLoadExtension( 'TemplateData' );
$wgPFEnableStringFunctions = false;
$wgScribuntoDefaultEngine = 'luastandalone';
$wgScribuntoEngineConf['luastandalone']['luaPath'] = '/usr/bin/lua5.1';

// Skins: Vector 2022 (desktop default on Meta) and Minerva (phones).
wfLoadSkin( 'Vector' );
wfLoadSkin( 'MinervaNeue' );
$wgDefaultSkin = 'vector-2022';

// Accounts: open registration like Meta, BotPasswords for the bot and the deployer.
$wgEnableBotPasswords = true;
$wgGroupPermissions['*']['createaccount'] = true;
$wgPasswordPolicy['policies']['default']['PasswordNotInCommonList'] = false;

// Temporary accounts, as on every Wikimedia wiki: a logged-out edit creates an account named
// like `~2026-1` and logs the editor into it. Wikimedia's settings are genPattern '~$1' with
// a yearly serial ('useYear') and matchPatterns ['~2$1']; MediaWiki 1.39 has neither the
// year option nor the `temp` group nor siteinfo's `autocreatetempuser`, so the year is put
// in the generating pattern and the matching pattern is Wikimedia's. In 1.39 only
// index.php's edit form creates them: an anonymous API edit is still saved under the IP.
$wgAutoCreateTempUser = [
	'enabled' => true,
	'actions' => [ 'edit' ],
	'genPattern' => '~' . gmdate( 'Y' ) . '-$1',
	'matchPattern' => '~2$1',
	'serialProvider' => [ 'type' => 'local' ],
	'serialMapping' => [ 'type' => 'plain-numeric' ],
];

// Codex's message texts: core has them from 1.41 (languages/i18n/codex); before that they
// come from scripts/wiki/i18n/codex, written from Codex's English defaults.
$lcCodexMessages = array_keys( array_diff_key(
	json_decode( file_get_contents( "$lcRepoDir/scripts/wiki/i18n/codex/en.json" ), true ),
	[ '@metadata' => true ]
) );
if ( !is_file( "$IP/languages/i18n/codex/en.json" ) ) {
	$wgMessagesDirs['LetsConnectCodex'] = "$lcRepoDir/scripts/wiki/i18n/codex";
}

// ResourceLoader's vue and @wikimedia/codex replaced by the versions Meta serves, taken
// from the npm packages (scripts/wiki/resources.ts copies them into $lcWikiDir/rl).
$wgHooks['ResourceLoaderRegisterModules'][] = static function ( $rl ) use ( $lcWikiDir, $lcCodexMessages ) {
	$rlDir = "$lcWikiDir/rl";
	// Before 1.40 a module loads only for the targets it lists and must declare ES6 code.
	$old = version_compare( MW_VERSION, '1.40', '<' )
		? [ 'targets' => [ 'desktop', 'mobile' ], 'es6' => true ]
		: [];
	$rl->register( [
		'vue' => [
			'localBasePath' => $rlDir,
			'remoteBasePath' => '/rl-unused',
			'packageFiles' => [ 'vue/index.js', 'vue/i18n.js', 'vue/vue.js' ],
		] + $old,
		'@wikimedia/codex' => [
			'class' => \MediaWiki\ResourceLoader\CodexModule::class,
			'localBasePath' => $rlDir,
			'remoteBasePath' => '/rl-unused',
			'packageFiles' => [ 'codex/codex.js' ],
			'dirSpecificStyles' => [
				'ltr' => 'codex/codex.style.css',
				'rtl' => 'codex/codex.style-rtl.css',
			],
			'noflip' => true,
			'dependencies' => [ 'vue' ],
			// Codex's own texts (close buttons, "(optional)"…), as core's module ships them.
			'messages' => $lcCodexMessages,
		] + $old,
	] );
};

// The server URL follows the port the wiki is served on now (LETSCONNECT_WIKI_PORT).
$wgServer = getenv( 'LETSCONNECT_WIKI_SERVER' ) ?: $wgServer;
$wgCanonicalServer = $wgServer;
$wgArticlePath = '/wiki/$1';
$wgUsePathInfo = true;

// MediaWiki 1.39 validates gadget scripts as ES5; Meta today accepts ES2017+, which is what
// the gadget is built for. Turn the old validator off (the end-to-end tests catch real errors).
$wgResourceLoaderValidateJS = false;

// Meta's Content Security Policy (enforced on Wikimedia wikis since March 2026): scripts,
// styles, connections, images and frames only from the wiki itself and Wikimedia's hosts;
// core still allows 'unsafe-eval' and 'unsafe-inline' scripts (no nonces), and data: and
// blob: URLs. A violation fires `securitypolicyviolation`, which the end-to-end tests fail on
// (test/support/browser.ts).
$lcWikimediaHosts = [
	'*.wikimedia.org', '*.wikipedia.org', '*.wikinews.org', '*.wiktionary.org',
	'*.wikibooks.org', '*.wikiversity.org', '*.wikisource.org', '*.wikiquote.org',
	'*.wikidata.org', '*.wikivoyage.org', '*.wikifunctions.org', '*.mediawiki.org',
	'wikimedia.org', 'wikipedia.org', 'wikidata.org', 'mediawiki.org',
];
$wgCSPHeader = [
	'useNonces' => false,
	'unsafeFallback' => true,
	'default-src' => $lcWikimediaHosts,
	'script-src' => $lcWikimediaHosts,
	'object-src' => true,
	'report-uri' => false,
];
