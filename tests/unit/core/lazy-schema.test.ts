import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '../../../lib/core/lazy-schema';

describe('lazySchema', () => {
  it('builds nothing at definition, and builds once on first use', () => {
    let builds = 0;
    const Item = lazySchema(() => {
      builds += 1;
      return z.object({ sku: z.string().min(1) });
    });
    const Order = lazySchema(() => z.object({ items: z.array(Item) }));
    expect(builds).toBe(0);
    expect(Order.safeParse({ items: [{ sku: 'A-1' }] }).success).toBe(true);
    expect(Order.safeParse({ items: [{ sku: '' }] }).success).toBe(false);
    expect(Item.parse({ sku: 'B' })).toEqual({ sku: 'B' });
    expect(builds).toBe(1);
  });

  it('is the schema it builds: the same checks, errors, types and derived schemas', () => {
    const Customer = lazySchema(() => z.object({ email: z.string().email(), name: z.string().optional() }));
    const parsed: z.infer<typeof Customer> = Customer.parse({ email: 'jane@example.com' });
    expect(parsed).toEqual({ email: 'jane@example.com' });
    expect(() => Customer.parse({ email: 'not an email' })).toThrow(z.ZodError);
    expect(Customer instanceof z.ZodObject).toBe(true);
    expect(Object.keys(Customer.shape)).toEqual(['email', 'name']);
    expect(Customer.optional().safeParse(undefined).success).toBe(true);
    expect(Customer.nullable().parse(null)).toBeNull();
    const Picked = Customer.pick({ email: true }).extend({ storeId: z.number() });
    expect(Picked.parse({ email: 'a@b.co', storeId: 1, name: 'dropped' })).toEqual({ email: 'a@b.co', storeId: 1 });
  });

  it('works as a member of a discriminated union (its literal read through the proxy)', () => {
    const Ping = lazySchema(() => z.object({ type: z.literal('ping') }));
    const Echo = lazySchema(() => z.object({ type: z.literal('echo'), text: z.string() }));
    const Message = lazySchema(() => z.discriminatedUnion('type', [Ping, Echo]));
    expect(Message.parse({ type: 'echo', text: 'hi' })).toEqual({ type: 'echo', text: 'hi' });
    expect(Message.safeParse({ type: 'echo' }).success).toBe(false);
    expect(Message.safeParse({ type: 'nope' }).success).toBe(false);
  });
});
