/**
 * Where the agent is in Gladly's agent app, read from the URL alone.
 */
export interface GladlyRoute {
  customerId?: string;
  conversationId?: string;
}

/** Gladly ids are URL-safe strings under 50 characters (e.g. `XRJvp8lSS5aD2RucjY5zkw`). */
const ID = '([A-Za-z0-9_-]{1,64})';
const CUSTOMER_PATH = new RegExp(`^/customer/${ID}(?:/conversation/${ID})?(?:/|$)`);

/** `/customer/{customerId}[/conversation/{conversationId}]`; any other page has no customer. */
export function parseGladlyRoute(url: string | URL): GladlyRoute {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return {};
  }
  const match = CUSTOMER_PATH.exec(parsed.pathname);
  if (!match) return {};
  const route: GladlyRoute = { customerId: match[1] };
  if (match[2]) route.conversationId = match[2];
  return route;
}

/**
 * Gladly's own sites that share the `*.gladly.com` pattern but are not an agent app: they never
 * count, even under the default used before an admin names the organisation's host.
 */
const NOT_AGENT_APP = new Set([
  'www',
  'go',
  'blog',
  'community',
  'help',
  'support',
  'developer',
  'developers',
  'docs',
  'cdn',
  'static',
  'assets',
  'status',
  'connect',
  'info',
  'learn',
  'academy',
  'university',
  'careers',
  'jobs',
  'events',
  'partners',
  'press',
  'news',
  'trust',
  'security',
  'marketplace',
  'api',
]);
const AGENT_DOMAINS = ['.gladly.com', '.gladly.qa'];
const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

/**
 * True for an organisation's agent app. Once an admin has named the organisation's Gladly host
 * (`orgHost`, from the settings), that host is the only one: an allow-list, not a deny-list.
 * Until then, any `https://{org}[.region].gladly.com|qa` but Gladly's own sites. Loopback pages
 * count only in the e2e build, which runs against the local look-alike.
 */
export function isAgentAppHost(url: string, allowLoopback: boolean = __E2E__, orgHost?: string | null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (allowLoopback && parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) return true;
  if (parsed.protocol !== 'https:') return false;
  const host = parsed.hostname.toLowerCase();
  const org = hostnameOf(orgHost);
  if (org && !LOOPBACK.has(org)) return host === org;
  return isDefaultAgentHost(host);
}

function hostnameOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function isDefaultAgentHost(host: string): boolean {
  const domain = AGENT_DOMAINS.find((suffix) => host.endsWith(suffix));
  if (!domain) return false;
  const labels = host.slice(0, -domain.length).split('.');
  const org = labels[0];
  return org !== undefined && org !== '' && !NOT_AGENT_APP.has(org);
}

/**
 * True for an https address on Gladly's own domains (`*.gladly.com`, `*.gladly.qa`): the only
 * hosts the Gladly API token may be sent to. Loopback (the sandbox's look-alike) counts only in
 * the e2e build.
 */
export function isGladlyDomain(url: string, allowLoopback: boolean = __E2E__): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (allowLoopback && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK.has(parsed.hostname))
    return true;
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  return AGENT_DOMAINS.some((suffix) => host.endsWith(suffix) && host.length > suffix.length);
}
