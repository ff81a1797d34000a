/**
 * The window's terminals. One controller for the whole renderer, made on first use, so tabs and
 * their scrollback outlive any component that shows them.
 */
import { api, onLinkState } from '../api';
import { TerminalController } from './terminal-controller';
import { exposeInspector } from './terminal-inspector';

let controller: TerminalController | null = null;

export function terminals(): TerminalController {
  if (!controller) {
    controller = new TerminalController(api, onLinkState);
    exposeInspector(controller);
  }
  return controller;
}
