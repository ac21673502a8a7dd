import { describe, expect, it } from 'vitest';
import { isAgentAppHost, parseGladlyRoute } from '../../../lib/gladly/routes';

describe('parseGladlyRoute', () => {
  it.each([
    [
      'https://acme.gladly.com/customer/XRJvp8lSS5aD2RucjY5zkw/conversation/Qm3vT1aZr8yKc0pLw2HnEg',
      { customerId: 'XRJvp8lSS5aD2RucjY5zkw', conversationId: 'Qm3vT1aZr8yKc0pLw2HnEg' },
    ],
    ['https://acme.gladly.com/customer/XRJvp8lSS5aD2RucjY5zkw', { customerId: 'XRJvp8lSS5aD2RucjY5zkw' }],
    [
      'https://acme.gladly.com/customer/abc-_9/conversation/c1/?skeleton=0#x',
      { customerId: 'abc-_9', conversationId: 'c1' },
    ],
    ['https://acme.gladly.com/customer/abc/conversation/c1/details', { customerId: 'abc', conversationId: 'c1' }],
    ['https://acme.gladly.com/home', {}],
    ['https://acme.gladly.com/search?q=jane', {}],
    ['https://acme.gladly.com/users/abc', {}],
    ['https://acme.gladly.com/customers/abc', {}],
    ['https://acme.gladly.com/customer/', {}],
    ['https://acme.gladly.com/customer/bad%20id', {}],
    ['not a url', {}],
  ])('%s', (url, expected) => {
    expect(parseGladlyRoute(url)).toEqual(expected);
  });
});

describe('isAgentAppHost', () => {
  it.each([
    ['https://acme.gladly.com/home', true],
    ['https://acme.us-1.gladly.com/customer/x', true],
    ['https://acme.gladly.qa/home', true],
    ['https://acme.us-uat.gladly.qa/home', true],
    ['https://help.gladly.com/docs', false],
    ['https://developer.gladly.com/rest/', false],
    ['https://cdn.gladly.com/app.js', false],
    ['https://www.gladly.com/', false],
    ['https://gladly.com/', false],
    ['http://acme.gladly.com/home', false],
    ['https://acme.gladly.com.evil.example/home', false],
    ['https://evilgladly.com/home', false],
    ['https://example.com/customer/x', false],
  ])('%s → %s', (url, expected) => {
    expect(isAgentAppHost(url, false)).toBe(expected);
  });

  it.each(['https://go.gladly.com/demo', 'https://blog.gladly.com/post', 'https://community.gladly.com/t/1'])(
    "%s is one of Gladly's own sites, never an agent app",
    (url) => {
      expect(isAgentAppHost(url, false)).toBe(false);
      expect(isAgentAppHost(url, false, null)).toBe(false);
    },
  );

  it("is an allow-list of the organisation's host once the settings name it", () => {
    const org = 'https://acme.us-1.gladly.com';
    expect(isAgentAppHost('https://acme.us-1.gladly.com/customer/x', false, org)).toBe(true);
    expect(isAgentAppHost('https://ACME.us-1.gladly.com/home', false, `${org}/`)).toBe(true);
    // Another organisation's agent app (or anything else on the domain) no longer counts.
    expect(isAgentAppHost('https://other.gladly.com/customer/x', false, org)).toBe(false);
    expect(isAgentAppHost('https://acme.gladly.com/customer/x', false, org)).toBe(false);
    expect(isAgentAppHost('http://acme.us-1.gladly.com/customer/x', false, org)).toBe(false);
  });

  it('accepts loopback pages only when the e2e build allows them', () => {
    expect(isAgentAppHost('http://127.0.0.1:4567/customer/x', true)).toBe(true);
    expect(isAgentAppHost('http://localhost:4567/home', true)).toBe(true);
    expect(isAgentAppHost('http://127.0.0.1:4567/customer/x', false)).toBe(false);
    expect(isAgentAppHost('http://192.168.1.2:4567/home', true)).toBe(false);
    // The test build defines __E2E__ as true.
    expect(isAgentAppHost('http://127.0.0.1:4567/home')).toBe(true);
  });
});
