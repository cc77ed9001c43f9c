import type { StepDeps } from '../../job/ports.js';
import type { TriggerDeps } from '../../objects/trigger.js';
import type { TriggerSettings } from './settings.js';

/** How the step's triggers are sent and looked up: one way for one object and for many. */
export function triggerDeps(settings: TriggerSettings, deps: StepDeps): Omit<TriggerDeps, 'isTaken'> {
  return {
    sender: deps.steadyClient(),
    client: deps.client(),
    pollIntervalMs: settings.pollIntervalMs,
    deadline: deps.deadline,
    now: deps.now,
    sleep: deps.sleep,
    signal: deps.signal,
    clock: deps.clock ?? { offsetMs: 0 },
    log: (message) => deps.reporter.info(message),
  };
}
