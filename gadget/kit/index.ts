/**
 * The kit every view uses, and the one module they share on the wiki
 * (`ext.gadget.letsconnect-core`): a view's bundle gets all of this through this file, never
 * by importing the files below directly (lint forbids it), so one copy serves every view.
 */
export * from '../api';
export * from './env';
export * from './reader';
export * from './intl';
export * from './failure-text';
export * from './use-load';
export * from './use-save';
export { Field, FIELD_PROPS, fieldProps } from './Field';
export { Notice, type NoticeData } from './Notice';
export { AsyncState } from './AsyncState';
export { ConfirmDialog } from './ConfirmDialog';
export { ErrorSummary, type ErrorSummaryItem } from './ErrorSummary';
export { CharacterCount } from './CharacterCount';
export { AccountPrompt } from './AccountPrompt';
export { startView, type ViewContext, type Mountable, type MountPlace } from './start';
