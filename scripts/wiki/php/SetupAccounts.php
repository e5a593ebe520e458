<?php
/**
 * Creates (or updates) the local wiki's accounts and BotPasswords from a JSON spec on
 * stdin, idempotently. Run by scripts/wiki/install.ts; never used on a real wiki.
 *
 * Spec: { "users": [ { "name", "password", "groups": [..],
 *                      "botPassword": { "appId", "password", "grants": [..] } | null } ] }
 */

use MediaWiki\MediaWikiServices;

require_once getenv( 'MW_INSTALL_PATH' ) . '/maintenance/Maintenance.php';

class LetsConnectSetupAccounts extends Maintenance {
	public function execute() {
		$spec = json_decode( stream_get_contents( STDIN ), true );
		if ( !is_array( $spec ) ) {
			$this->fatalError( 'Expected a JSON spec on stdin.' );
		}
		$services = MediaWikiServices::getInstance();
		$userFactory = $services->getUserFactory();
		$groupManager = $services->getUserGroupManager();
		foreach ( $spec['users'] as $u ) {
			$user = $userFactory->newFromName( $u['name'] );
			if ( !$user ) {
				$this->fatalError( "Invalid user name: {$u['name']}" );
			}
			if ( !$user->isRegistered() ) {
				$status = $user->addToDatabase();
				if ( !$status->isOK() ) {
					$this->fatalError( "Cannot create {$u['name']}: " . $status->getWikiText() );
				}
			}
			$status = $user->changeAuthenticationData( [
				'username' => $user->getName(),
				'password' => $u['password'],
				'retype' => $u['password'],
			] );
			if ( !$status->isGood() ) {
				$this->fatalError( "Cannot set password for {$u['name']}: " . $status->getWikiText() );
			}
			foreach ( $u['groups'] ?? [] as $group ) {
				$groupManager->addUserToGroup( $user, $group );
			}
			$bp = $u['botPassword'] ?? null;
			if ( $bp ) {
				// IDBAccessObject (not BotPassword's constant, gone in 1.45) works in 1.39 and 1.45.
				$existing = BotPassword::newFromUser( $user, $bp['appId'], IDBAccessObject::READ_LATEST );
				if ( $existing ) {
					// Recreate so the grants and password always match the spec.
					$existing->delete();
				}
				$new = BotPassword::newUnsaved( [
					'user' => $user,
					'appId' => $bp['appId'],
					'grants' => $bp['grants'],
				] );
				$password = $services->getPasswordFactory()->newFromPlaintext( $bp['password'] );
				$status = $new->save( 'insert', $password );
				if ( !$status->isGood() ) {
					$this->fatalError( "Cannot save BotPassword for {$u['name']}: " . $status->getWikiText() );
				}
			}
			$this->output( "account ready: {$user->getName()}\n" );
		}
	}
}

$maintClass = LetsConnectSetupAccounts::class;
require_once RUN_MAINTENANCE_IF_MAIN;
