/** Sends a run's step states to its listener, each only when it changed since the clients last got it. */
import type { RunState, StepState } from '../contract';
import type { RunListener } from './lesson-run-options';

export class StepSender {
  private readonly lastSent = new Map<number, string>();

  constructor(private readonly listener: RunListener) {}

  /** The whole state goes out: every step's last-sent copy is what the clients now hold. */
  changed(state: RunState): void {
    for (const step of state.steps) this.lastSent.set(step.index, JSON.stringify(step));
    this.listener.changed(state);
  }

  /** One step goes out if it changed (or when forced: a hint asked for is always answered). */
  step(state: StepState, force = false): StepState {
    const text = JSON.stringify(state);
    if (force || this.lastSent.get(state.index) !== text) {
      this.lastSent.set(state.index, text);
      this.listener.step(state);
    }
    return state;
  }
}
