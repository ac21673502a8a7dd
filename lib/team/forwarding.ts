/**
 * Team mode in the router: the same handlers, with the same sender rules and zod schemas checked
 * first by the router, but in team mode the message goes to the team service instead of lib/
 * (lookup updates streamed back through `emit` as they arrive), so the sidebar does not change.
 */
import type { MessageHandler } from '../background/handler';
import { FORWARDED_TYPES, type TeamClient } from './client';

export interface TeamForwardingDeps {
  /** Read per message: a mode switch applies to the very next request. */
  teamMode(): Promise<boolean>;
  client: Pick<TeamClient, 'forward'>;
  /** The Gladly agent working in a tab, as the page reports it (sent as X-Gladly-Agent). */
  agentFor?(tabId?: number): string | undefined;
}

const FORWARDED = new Set<string>(FORWARDED_TYPES);

export function withTeamForwarding(handlers: MessageHandler[], deps: TeamForwardingDeps): MessageHandler[] {
  return handlers.map((handler) =>
    FORWARDED.has(handler.type)
      ? {
          ...handler,
          async handle(message, context) {
            if (!(await deps.teamMode())) return handler.handle(message, context);
            return deps.client.forward(message as { type: string; requestId: string }, {
              emit: context.emit,
              agent: deps.agentFor?.(context.sender.tabId),
            });
          },
        }
      : handler,
  );
}
