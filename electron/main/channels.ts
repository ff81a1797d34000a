/** The two IPC channels the contract travels on; shared by main and preload. */
export const REQUEST_CHANNEL = 'dockside:request';
export const EVENT_CHANNEL = 'dockside:event';
