import { createAndWait } from '../../job/create.js';
import { runAction } from '../run-action.js';
import { readMainSettings } from './settings.js';

/** The main step: create an inventory trigger job, wait for it, report it. */
export async function run(): Promise<void> {
  await runAction('create', () => readMainSettings(), createAndWait);
}
