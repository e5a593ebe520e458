<?php
/**
 * Creates accounts, without passwords, for the names given as a JSON array on stdin;
 * existing accounts are left alone. Used by the seeding script so that imported sample
 * profiles are attributed to real local accounts (their owners). Never used on a real wiki.
 */

use MediaWiki\MediaWikiServices;

require_once getenv( 'MW_INSTALL_PATH' ) . '/maintenance/Maintenance.php';

class LetsConnectCreateUsers extends Maintenance {
	public function execute() {
		$names = json_decode( stream_get_contents( STDIN ), true );
		if ( !is_array( $names ) ) {
			$this->fatalError( 'Expected a JSON array of user names on stdin.' );
		}
		$userFactory = MediaWikiServices::getInstance()->getUserFactory();
		$created = 0;
		foreach ( $names as $name ) {
			$user = $userFactory->newFromName( $name, 'creatable' );
			if ( !$user ) {
				$this->fatalError( "Not a valid user name: $name" );
			}
			if ( $user->isRegistered() ) {
				continue;
			}
			$status = $user->addToDatabase();
			if ( !$status->isOK() ) {
				$this->fatalError( "Cannot create $name: " . $status->getWikiText() );
			}
			$created++;
		}
		$this->output( json_encode( [ 'created' => $created ] ) . "\n" );
	}
}

$maintClass = LetsConnectCreateUsers::class;
require_once RUN_MAINTENANCE_IF_MAIN;
