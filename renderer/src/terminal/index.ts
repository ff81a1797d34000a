/** The terminal, for the rest of the UI: the pane, the lesson command block, and the controller. */
export { terminals } from './window-terminals';
export { TerminalPane } from './TerminalPane';
export { CommandBlock } from './CommandBlock';
export type { TerminalController } from './terminal-controller';
export type { TabSnapshot, TerminalsSnapshot } from './inspector-types';
