// The floor of start-up for any step built on the action toolkit: a bundle that imports
// @actions/core and @actions/github, reads one input and sets one output. The bench bundles it with
// ncc, as the actions are bundled.
import * as core from '@actions/core';
import { context } from '@actions/github';

const name = core.getInput('name') || `run-${context.runId}`;
core.setOutput('name', name);
core.info('@actions/core loaded');
