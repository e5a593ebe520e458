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

// ResourceLoader's vue and @wikimedia/codex replaced by the versions Meta serves, taken
// from the npm packages (scripts/wiki/resources.ts copies them into $lcWikiDir/rl).
$wgHooks['ResourceLoaderRegisterModules'][] = static function ( $rl ) use ( $lcWikiDir, $lcRepoDir ) {
	$rlDir = "$lcWikiDir/rl";
	$rl->register( [
		'vue' => [
			'localBasePath' => $rlDir,
			'remoteBasePath' => '/rl-unused',
			'packageFiles' => [ 'vue/index.js', 'vue/i18n.js', 'vue/vue.js' ],
			'targets' => [ 'desktop', 'mobile' ],
			'es6' => true,
		],
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
			'targets' => [ 'desktop', 'mobile' ],
			'es6' => true,
		],
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
