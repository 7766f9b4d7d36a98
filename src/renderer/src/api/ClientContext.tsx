/** Makes the one workbench client available to every component. */
import { createContext, useContext, useEffect } from 'react';
import type { EventMap, EventName } from '../../../shared/api/index';
import type { WorkbenchClient } from './client';

export const ClientContext = createContext<WorkbenchClient | null>(null);

export function useClient(): WorkbenchClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientContext');
  return client;
}

/** Subscribes to one event for the component's lifetime. */
export function useEvent<E extends EventName>(
  event: E,
  listener: (payload: EventMap[E]) => void,
): void {
  const client = useClient();
  useEffect(() => client.on(event, listener), [client, event, listener]);
}
