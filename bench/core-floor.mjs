// The floor of start-up for any step that uses @actions/core: a bundle that only imports it,
// writes one output and one log line. The bench bundles it with ncc, as the steps are bundled.
import * as core from '@actions/core';

core.setOutput('name', 'floor');
core.info('@actions/core loaded');
