/** Whether the page can reach core (browser mode can lose its server; Electron cannot). */
import { useEffect, useState } from 'react';
import { onLinkState, type SocketState } from '../api';

export function useLinkState(): SocketState {
  const [state, setState] = useState<SocketState>('open');
  useEffect(() => onLinkState(setState), []);
  return state;
}
