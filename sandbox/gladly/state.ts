/**
 * The look-alike's customer profiles, in the REST API's shape, seeded from the shared personas.
 * The agent-app pages render from the same state, so a PATCH shows up in the panel.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import {
  GLADLY_AGENTS,
  MERGED_GLADLY_ID,
  MERGED_INTO,
  personas,
  SUPPORT_INBOX_ID,
  type Persona,
  type PersonaKey,
} from '../personas';

export interface ProfileEmail {
  original: string;
  normalized: string;
  primary: boolean;
}

export interface ProfilePhone {
  original: string;
  normalized: string;
  regionCode?: string;
  primary: boolean;
  smsPreference: 'ON' | 'OFF' | 'UNKNOWN';
  type?: 'HOME' | 'MOBILE' | 'OFFICE';
}

export interface Profile {
  id: string;
  name: string;
  address: string;
  emails: ProfileEmail[];
  phones: ProfilePhone[];
  customAttributes: Record<string, string>;
  externalCustomerIds: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

/** Gladly's Agent resource. */
export interface Agent {
  id: string;
  name: string;
  emailAddress: string;
}

/** Gladly's Conversation resource as `GET /api/v1/conversations/{id}` answers it. */
export interface Conversation {
  id: string;
  customerId: string;
  /** The assigned agent; absent while the conversation sits unassigned in its inbox. */
  agentId?: string;
  inboxId: string;
  customAttributes: Array<{ id: string; value: string }>;
  topicIds: string[];
  createdAt: string;
  status: 'OPEN' | 'WAITING' | 'CLOSED';
}

/** A Customer Activity on a customer's timeline, as `POST /customers/{id}/conversation-items` stores it. */
export interface ActivityItem {
  id: string;
  customerId: string;
  /** When Gladly received it (RFC 3339 with millis). */
  timestamp: string;
  content: {
    type: 'CUSTOMER_ACTIVITY';
    activityType: 'EMAIL' | 'ISSUE' | 'SMS' | 'SURVEY';
    title?: string;
    body?: string;
    sourceName?: string;
    link?: { url?: string; text?: string };
    occurredAt?: string;
    receivedAt: string;
  };
}

export interface GladlyState {
  profiles: Map<string, Profile>;
  agents: Map<string, Agent>;
  conversations: Map<string, Conversation>;
  /** Conversation items created through the API, in the order they arrived (ids are unique). */
  activities: ActivityItem[];
  /** Old id → the id it was merged into. */
  merged: Map<string, string>;
  /** Per HTTP method: timestamps of the requests in the last second. */
  rate: Map<string, number[]>;
}

/** What Gladly's own order card would count for each persona (display only). */
const ORDER_COUNTS: Partial<Record<PersonaKey, number>> = {
  jane: 13,
  guest: 3,
  phoneOnly: 2,
  twoStores: 5,
  sharedPhone: 1,
  multiEmail: 1,
  conflict: 2,
};

export function orderCount(id: string): number {
  const key = (Object.keys(personas) as PersonaKey[]).find((k) => personas[k].gladlyId === id);
  return key ? (ORDER_COUNTS[key] ?? 0) : 0;
}

export function createState(): GladlyState {
  const profiles = new Map<string, Profile>();
  Object.values(personas).forEach((persona: Persona, index) =>
    profiles.set(persona.gladlyId, toProfile(persona, index)),
  );
  const agents = new Map<string, Agent>(GLADLY_AGENTS.map((agent) => [agent.id, { ...agent }]));
  const conversations = new Map<string, Conversation>(
    Object.values(personas).map((persona: Persona, index) => [
      persona.conversationId,
      {
        id: persona.conversationId,
        customerId: persona.gladlyId,
        // The signed-in agent (the look-alike's top bar) works every persona's conversation.
        agentId: GLADLY_AGENTS[0].id,
        inboxId: SUPPORT_INBOX_ID,
        customAttributes: [],
        topicIds: [],
        createdAt: new Date(Date.UTC(2026, 10, 1 + index, 9, 30)).toISOString(),
        status: 'OPEN',
      },
    ]),
  );
  return {
    profiles,
    agents,
    conversations,
    activities: [],
    merged: new Map([[MERGED_GLADLY_ID, MERGED_INTO]]),
    rate: new Map(),
  };
}

/** E.164 as Gladly stores it; numbers without a country code are read as US numbers. */
export function normalizePhone(text: string): { normalized: string; regionCode?: string } {
  const parsed = parsePhoneNumberFromString(text, 'US');
  if (!parsed) return { normalized: text.replace(/[^\d+]/g, '') };
  return parsed.country ? { normalized: parsed.number, regionCode: parsed.country } : { normalized: parsed.number };
}

function toProfile(persona: Persona, index: number): Profile {
  const created = new Date(Date.UTC(2023, index, 3 + index, 15, 4, 11)).toISOString();
  return {
    id: persona.gladlyId,
    name: persona.name,
    address: persona.address ?? '',
    emails: persona.emails.map((original, i) => ({ original, normalized: original.toLowerCase(), primary: i === 0 })),
    phones: persona.phones.map((phone, i) => ({
      original: phone.number,
      ...normalizePhone(phone.number),
      primary: i === 0,
      smsPreference: phone.type === 'Mobile' ? 'ON' : 'UNKNOWN',
      ...(phone.type === 'Other' ? {} : { type: phone.type.toUpperCase() as 'HOME' | 'MOBILE' | 'OFFICE' }),
    })),
    customAttributes: {},
    externalCustomerIds: {},
    createdAt: created,
    updatedAt: created,
  };
}
