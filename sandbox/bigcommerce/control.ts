/** The sandbox's switches, in process (SandboxControl) and over HTTP (/__sandbox/*). */
import { z } from 'zod';
import type { Hono } from 'hono';
import { FaultSpecSchema, type FaultBook } from './faults';
import type { QuotaBook } from './quota';
import type { RequestLog } from './request-log';
import type { SandboxState } from './state';
import type { SandboxControl, SandboxTuning } from './types';

const TuningSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000),
    jitterMs: z.number().int().min(0).max(120_000),
    quota: z.number().int().min(1).max(1_000_000),
    windowMs: z.number().int().min(1).max(3_600_000),
  })
  .partial()
  .strict();

const LogEntrySchema = z.object({
  store: z.string().optional(),
  method: z.string(),
  path: z.string(),
  query: z.string(),
  status: z.number().int(),
  start: z.number(),
  end: z.number(),
});

export function createControl(parts: {
  state: SandboxState;
  quota: QuotaBook;
  faults: FaultBook;
  log: RequestLog;
  tuning: SandboxTuning;
}): SandboxControl {
  return {
    reset() {
      parts.state.reset();
      parts.quota.clear();
      parts.faults.clear();
    },
    configure(c) {
      const parsed = TuningSchema.parse(c);
      Object.assign(parts.tuning, parsed);
      if (parsed.quota !== undefined || parsed.windowMs !== undefined) parts.quota.clear();
    },
    newQuotaWindow: () => parts.quota.clear(),
    addFault: (f) => parts.faults.add(f),
    clearFaults: () => parts.faults.clear(),
    log: () => parts.log.all(),
    clearLog: () => parts.log.clear(),
    logGladly: (entry) => parts.log.add({ ...LogEntrySchema.parse(entry), service: 'gladly' }),
  };
}

/** HTTP control routes: not logged, not rate limited, no token. */
export function registerControlRoutes(app: Hono, control: SandboxControl): void {
  const badRequest = (message: string) => Response.json({ error: message }, { status: 400 });
  const readJson = async (request: Request): Promise<unknown> => {
    try {
      return (await request.json()) as unknown;
    } catch {
      return undefined;
    }
  };

  app.post('/__sandbox/reset', (c) => {
    control.reset();
    return c.json({ ok: true });
  });
  app.post('/__sandbox/config', async (c) => {
    const parsed = TuningSchema.safeParse(await readJson(c.req.raw));
    if (!parsed.success)
      return badRequest('Expected {latencyMs?, jitterMs?, quota?, windowMs?} with non-negative integers.');
    control.configure(parsed.data);
    return c.json({ ok: true });
  });
  app.post('/__sandbox/faults', async (c) => {
    const parsed = FaultSpecSchema.safeParse(await readJson(c.req.raw));
    if (!parsed.success)
      return badRequest('Expected a FaultSpec {path, kind, query?, store?, method?, status?, headers?, times?}.');
    try {
      return c.json({ id: control.addFault(parsed.data) });
    } catch {
      return badRequest('The fault path or query is not a valid regular expression.');
    }
  });
  app.delete('/__sandbox/faults', (c) => {
    control.clearFaults();
    return c.json({ ok: true });
  });
  app.get('/__sandbox/log', (c) => c.json(control.log()));
  app.delete('/__sandbox/log', (c) => {
    control.clearLog();
    return c.json({ ok: true });
  });
}
