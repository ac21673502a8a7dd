/**
 * Concurrent lookups of one query in this process share one run (one set of store requests):
 * a second asker gets the latest update at once, then every later one, each with its own
 * requestId. Across replicas the shared cache does the same job.
 */
import { queryKey } from '../lib/messages/lookup';
import type { MessageHandler } from '../lib/background/handler';
import type { LookupUpdate } from '../lib/messages/lookup';
import type { LookupQuery } from '../lib/messages/lookup';

interface LookupMessage {
  type: 'lookup';
  requestId: string;
  query: LookupQuery;
  refresh?: boolean;
}

interface Run {
  latest: LookupUpdate | null;
  listeners: Set<(update: LookupUpdate) => void>;
  done: Promise<unknown>;
}

export function shareLookups(handler: MessageHandler): MessageHandler {
  const runs = new Map<string, Run>();
  return {
    ...handler,
    async handle(message, context) {
      const request = message as unknown as LookupMessage;
      const connectionId = request.query.kind === 'manual' ? (request.query.connectionId ?? '') : '';
      const key = JSON.stringify([queryKey(request.query), connectionId, request.refresh === true]);
      const own = (update: LookupUpdate) => context.emit({ ...update, requestId: request.requestId });
      const existing = runs.get(key);
      if (existing) {
        if (existing.latest) own(existing.latest);
        existing.listeners.add(own);
        try {
          return await existing.done;
        } finally {
          existing.listeners.delete(own);
        }
      }
      const run: Run = { latest: null, listeners: new Set([own]), done: Promise.resolve() };
      run.done = handler
        .handle(message, {
          ...context,
          emit(update) {
            run.latest = update as LookupUpdate;
            for (const listener of run.listeners) listener(run.latest);
          },
        })
        .finally(() => runs.delete(key));
      runs.set(key, run);
      return run.done;
    },
  };
}
