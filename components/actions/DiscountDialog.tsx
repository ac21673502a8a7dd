/**
 * Create a discount code for the customer: type, amount, minimum purchase, expiry, uses, and a
 * generated code that is easy to read out (checked unique in the store). Then copy it or put it
 * in the reply.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Order } from '../../lib/core/model';
import type { CouponCreateResult, CouponForm } from '../../lib/messages/actions';
import { couponCodeProblem, generateCouponCode } from '../../lib/actions/coupon-code';
import { fromMinor, parseAmountInput } from '../../lib/actions/money';
import { copyText } from '../../lib/sidebar/clipboard';
import { Modal } from './Modal';
import { Guarded } from './visibility-guard';
import { OrderStatusNotice } from './OrderStatusNotice';
import { errorInfoOf, newActionId, type ActionRequest } from './shared';
import { useActionSubmit } from './use-action-submit';
import { useOrderStatus } from './use-order-status';

export const CODE_CHECK_DEBOUNCE_MS = 300;

export interface DiscountDialogProps {
  order: Order;
  connectionId: string;
  request: ActionRequest;
  onClose(): void;
  onChanged(): void;
  /** Today as YYYY-MM-DD (injectable for tests). */
  today?: string;
}

type CodeCheck = { code: string; state: 'checking' | 'free' | 'taken' | 'error'; message?: string };
type CouponType = CouponForm['type'];

export function DiscountDialog({
  order,
  connectionId,
  request,
  onClose,
  onChanged,
  today = new Date().toISOString().slice(0, 10),
}: DiscountDialogProps) {
  const id = useId();
  const [type, setType] = useState<CouponType>('percentage');
  const [copied, setCopied] = useState<string | null>(null);
  const [amount, setAmount] = useState('10');
  const [minPurchase, setMinPurchase] = useState('');
  const [expires, setExpires] = useState('');
  const [uses, setUses] = useState('1');
  const [code, setCode] = useState(() => generateCouponCode());
  const [check, setCheck] = useState<CodeCheck | null>(null);
  const [inserted, setInserted] = useState<string | null>(null);
  const status = useOrderStatus(request, connectionId, order.id, onChanged);
  const {
    phase,
    result: created,
    error,
    submit,
    edited,
    checkWhatHappened,
  } = useActionSubmit<CouponCreateResult>(onChanged, status.recheck);
  const seq = useRef(0);

  const trimmed = code.trim();
  const codeProblem = couponCodeProblem(code);
  useEffect(() => {
    const mine = ++seq.current;
    if (codeProblem) {
      setCheck(null);
      return;
    }
    setCheck({ code: trimmed, state: 'checking' });
    const timer = setTimeout(async () => {
      try {
        const reply = await request({
          type: 'actions/coupon-code-check',
          connectionId,
          code: trimmed,
        });
        if (mine === seq.current) setCheck({ code: trimmed, state: reply.available ? 'free' : 'taken' });
      } catch (e) {
        if (mine === seq.current) setCheck({ code: trimmed, state: 'error', message: errorInfoOf(e).message });
      }
    }, CODE_CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trimmed, codeProblem]);

  // What the agent typed, checked the way the background will check it.
  const errors: Record<string, string> = {};
  const amountCents = parseAmountInput(amount);
  if (type !== 'free_shipping') {
    if (amountCents === null || amountCents <= 0)
      errors.amount =
        type === 'percentage' ? 'Enter a percentage like 10.' : `Enter an amount like 5.00 (${order.currencyCode}).`;
    else if (type === 'percentage' && amountCents > 10_000) errors.amount = 'A percentage is at most 100.';
  }
  const minCents = minPurchase.trim() === '' ? null : parseAmountInput(minPurchase);
  if (minPurchase.trim() !== '' && minCents === null)
    errors.minPurchase = 'Enter an amount like 50.00, or leave it empty.';
  if (expires !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || expires < today))
    errors.expires = 'Choose today or a later date, or leave it empty.';
  if (!/^\d+$/.test(uses.trim()) || Number(uses) < 1 || Number(uses) > 1_000_000)
    errors.maxUses = 'Enter how many times it can be used (1 or more).';
  if (codeProblem) errors.code = codeProblem;
  else if (check?.code === trimmed && check.state === 'taken')
    errors.code = 'That code is already used in this store. Generate another.';
  if (error?.field && error.kind === 'validation' && !errors[error.field]) errors[error.field] = error.message;
  const serverFieldError = error?.field !== undefined && error.kind === 'validation';

  const codeFree = check?.code === trimmed && check.state === 'free';
  const running = phase === 'running';
  const canCreate =
    Object.keys(errors).length === 0 &&
    codeFree &&
    (phase === 'idle' || phase === 'failed') &&
    !status.checking &&
    status.blocked === null;

  async function create() {
    if (!canCreate) return;
    const coupon: CouponForm = {
      code: trimmed,
      type,
      amount: type === 'free_shipping' ? '0' : fromMinor(amountCents ?? 0),
      minPurchase: minCents === null ? null : fromMinor(minCents),
      expires: expires === '' ? null : expires,
      maxUses: Number(uses),
    };
    await submit(() =>
      request({
        type: 'actions/coupon-create',
        connectionId,
        orderId: order.id,
        actionId: newActionId(),
        coupon,
      }),
    );
  }

  function edit(setter: (value: string) => void) {
    return (e: Event) => {
      setter((e.currentTarget as HTMLInputElement).value);
      edited();
    };
  }

  async function insert(text: string) {
    try {
      const reply = await request({ type: 'gladly/insert-text', text });
      setInserted(
        reply?.inserted ? 'Inserted into the reply.' : "Gladly's reply box was not found: copy the code instead.",
      );
    } catch {
      // The relay to Gladly's composer may not be wired: say so without making it an error.
      setInserted('Could not insert it here: copy it instead.');
    }
  }

  const field = (name: string) => ({
    id: `${id}-${name}`,
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  });
  const errorFor = (name: string) =>
    errors[name] ? (
      <span id={`${id}-${name}-error`} class="bc-field-error" role="alert">
        {errors[name]}
      </span>
    ) : null;

  if (created) {
    const text = created.code;
    return (
      <Modal title="Discount code created" onClose={onClose}>
        <p role="status">
          Code <strong class="bc-code">{text}</strong> is ready.
        </p>
        {created.warnings.map((w) => (
          <p key={w} class="bc-warning">
            {w}
          </p>
        ))}
        <button
          type="button"
          onClick={() =>
            void copyText(text).then((ok) =>
              setCopied(ok ? 'Copied.' : 'Could not copy: select the code and copy it by hand.'),
            )
          }
        >
          Copy code
        </button>{' '}
        <button type="button" onClick={() => void insert(text)}>
          Insert into reply
        </button>
        {copied && <p aria-live="polite">{copied}</p>}
        {inserted && <p aria-live="polite">{inserted}</p>}
      </Modal>
    );
  }

  return (
    <Modal title="Create discount code" onClose={onClose}>
      <OrderStatusNotice status={status} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <fieldset disabled={running}>
          <div class="bc-field">
            <label for={`${id}-type`}>Type</label>
            <select id={`${id}-type`} value={type} onChange={edit((v) => setType(v as CouponType))}>
              <option value="percentage">Percentage off</option>
              <option value="fixed">Fixed amount off</option>
              <option value="free_shipping">Free shipping</option>
            </select>
          </div>
          {type !== 'free_shipping' && (
            <div class="bc-field">
              <label for={`${id}-amount`}>
                {type === 'percentage' ? 'Percent off' : `Amount off (${order.currencyCode})`}
              </label>
              <input {...field('amount')} inputMode="decimal" value={amount} onInput={edit(setAmount)} />
              {errorFor('amount')}
            </div>
          )}
          <div class="bc-field">
            <label for={`${id}-minPurchase`}>Minimum purchase (optional)</label>
            <input {...field('minPurchase')} inputMode="decimal" value={minPurchase} onInput={edit(setMinPurchase)} />
            {errorFor('minPurchase')}
          </div>
          <div class="bc-field">
            <label for={`${id}-expires`}>Expires (optional)</label>
            <input {...field('expires')} type="date" min={today} value={expires} onInput={edit(setExpires)} />
            {errorFor('expires')}
          </div>
          <div class="bc-field">
            <label for={`${id}-maxUses`}>Uses</label>
            <input {...field('maxUses')} type="number" min={1} step={1} value={uses} onInput={edit(setUses)} />
            {errorFor('maxUses')}
          </div>
          <div class="bc-field">
            <label for={`${id}-code`}>Code</label>
            <input
              {...field('code')}
              value={code}
              maxLength={50}
              autocomplete="off"
              spellcheck={false}
              onInput={edit((v) => setCode(v.toUpperCase()))}
            />
            <button type="button" onClick={() => setCode(generateCouponCode())}>
              New code
            </button>
            {errorFor('code')}
            <span aria-live="polite" class="bc-muted">
              {check?.code === trimmed && check.state === 'checking' && 'Checking the code…'}
              {check?.code === trimmed && check.state === 'free' && 'Code available.'}
              {check?.code === trimmed && check.state === 'error' && `Could not check the code: ${check.message ?? ''}`}
            </span>
          </div>
        </fieldset>
        {error && !serverFieldError && (
          <p role="alert" class="bc-error">
            {error.message}
            {phase === 'unknown' && (
              <button type="button" onClick={() => void checkWhatHappened()}>
                Check what happened
              </button>
            )}
          </p>
        )}
        <Guarded>
          {(covered) => (
            <button type="submit" class="bc-button bc-button--primary" disabled={!canCreate || covered}>
              {running ? 'Creating…' : 'Create code'}
            </button>
          )}
        </Guarded>
      </form>
    </Modal>
  );
}
