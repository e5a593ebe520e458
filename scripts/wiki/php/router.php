<?php
/**
 * Router for PHP's built-in web server serving the local wiki: /wiki/<Title> goes to
 * index.php (short URLs like Meta's); everything else (api.php, load.php, static files)
 * is served as usual.
 */
$path = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
if ( $path === '/' ) {
	header( 'Location: /wiki/' );
	return true;
}
if ( strpos( $path, '/wiki/' ) === 0 ) {
	$_SERVER['SCRIPT_NAME'] = '/index.php';
	$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
	chdir( $_SERVER['DOCUMENT_ROOT'] );
	require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
	return true;
}
return false;
