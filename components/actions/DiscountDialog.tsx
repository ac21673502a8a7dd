/**
 * Create a discount code for the customer: type, amount, minimum purchase, expiry, uses, and a
 * generated code that is easy to read out (checked unique in the store). Then copy it or put it
 * in the reply.
 */
import { i18n } from '#i18n';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Order } from '../../lib/core/model';
import type { CouponCreateResult, CouponForm } from '../../lib/messages/actions';
import { couponCodeProblem, generateCouponCode } from '../../lib/actions/coupon-code';
import { fromMinor, parseAmountInput } from '../../lib/actions/money';
import { copyText } from '../../lib/sidebar/clipboard';
import { Emphasised, MARK } from './emphasised';
import { Modal } from './Modal';
import { Guarded } from './visibility-guard';
import { OrderStatusNotice } from './OrderStatusNotice';
import { errorInfoOf, newActionId, type ActionRequest } from './shared';
import { useActionSubmit } from './use-action-submit';
import { useOrderStatus } from './use-order-status';
import { ActionError } from './action-error';

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
        type === 'percentage'
          ? i18n.t('actions.coupon.percentLike')
          : i18n.t('actions.coupon.amountLike', [order.currencyCode]);
    else if (type === 'percentage' && amountCents > 10_000) errors.amount = i18n.t('actions.coupon.percentMax');
  }
  const minCents = minPurchase.trim() === '' ? null : parseAmountInput(minPurchase);
  if (minPurchase.trim() !== '' && minCents === null) errors.minPurchase = i18n.t('actions.coupon.minLike');
  if (expires !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || expires < today))
    errors.expires = i18n.t('actions.coupon.expiresLater');
  if (!/^\d+$/.test(uses.trim()) || Number(uses) < 1 || Number(uses) > 1_000_000)
    errors.maxUses = i18n.t('actions.coupon.usesMin');
  if (codeProblem) errors.code = codeProblem;
  else if (check?.code === trimmed && check.state === 'taken') errors.code = i18n.t('actions.coupon.taken');
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
      setInserted(i18n.t(reply?.inserted ? 'actions.coupon.inserted' : 'actions.coupon.noReplyBox'));
    } catch {
      // The relay to Gladly's composer may not be wired: say so without making it an error.
      setInserted(i18n.t('actions.coupon.insertFailed'));
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
      <Modal title={i18n.t('actions.coupon.createdTitle')} onClose={onClose}>
        <p role="status">
          <Emphasised text={i18n.t('actions.coupon.ready', [MARK])} strong={text} class="bc-code" />
        </p>
        {created.warnings.map((w) => (
          <p key={w} class="bc-warning">
            {w}
          </p>
        ))}
        <button
          type="button"
          class="bc-button"
          onClick={() =>
            void copyText(text).then((ok) =>
              setCopied(i18n.t(ok ? 'actions.coupon.copied' : 'actions.coupon.copyFailed')),
            )
          }
        >
          {i18n.t('actions.coupon.copy')}
        </button>{' '}
        <button type="button" class="bc-button" onClick={() => void insert(text)}>
          {i18n.t('actions.coupon.insert')}
        </button>
        {copied && <p aria-live="polite">{copied}</p>}
        {inserted && <p aria-live="polite">{inserted}</p>}
      </Modal>
    );
  }

  return (
    <Modal title={i18n.t('actions.coupon.title')} onClose={onClose}>
      <OrderStatusNotice status={status} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <fieldset disabled={running}>
          <div class="bc-field">
            <label for={`${id}-type`}>{i18n.t('actions.coupon.type')}</label>
            <select id={`${id}-type`} value={type} onChange={edit((v) => setType(v as CouponType))}>
              <option value="percentage">{i18n.t('actions.coupon.percentage')}</option>
              <option value="fixed">{i18n.t('actions.coupon.fixed')}</option>
              <option value="free_shipping">{i18n.t('actions.coupon.freeShipping')}</option>
            </select>
          </div>
          {type !== 'free_shipping' && (
            <div class="bc-field">
              <label for={`${id}-amount`}>
                {type === 'percentage'
                  ? i18n.t('actions.coupon.percentOff')
                  : i18n.t('actions.coupon.amountOff', [order.currencyCode])}
              </label>
              <input {...field('amount')} inputMode="decimal" value={amount} onInput={edit(setAmount)} />
              {errorFor('amount')}
            </div>
          )}
          <div class="bc-field">
            <label for={`${id}-minPurchase`}>{i18n.t('actions.coupon.minPurchase')}</label>
            <input {...field('minPurchase')} inputMode="decimal" value={minPurchase} onInput={edit(setMinPurchase)} />
            {errorFor('minPurchase')}
          </div>
          <div class="bc-field">
            <label for={`${id}-expires`}>{i18n.t('actions.coupon.expires')}</label>
            <input {...field('expires')} type="date" min={today} value={expires} onInput={edit(setExpires)} />
            {errorFor('expires')}
          </div>
          <div class="bc-field">
            <label for={`${id}-maxUses`}>{i18n.t('actions.coupon.uses')}</label>
            <input {...field('maxUses')} type="number" min={1} step={1} value={uses} onInput={edit(setUses)} />
            {errorFor('maxUses')}
          </div>
          <div class="bc-field">
            <label for={`${id}-code`}>{i18n.t('actions.coupon.code')}</label>
            <input
              {...field('code')}
              value={code}
              maxLength={50}
              autocomplete="off"
              spellcheck={false}
              onInput={edit((v) => setCode(v.toUpperCase()))}
            />
            <button type="button" class="bc-button" onClick={() => setCode(generateCouponCode())}>
              {i18n.t('actions.coupon.newCode')}
            </button>
            {errorFor('code')}
            <span aria-live="polite" class="bc-muted">
              {check?.code === trimmed && check.state === 'checking' && i18n.t('actions.coupon.checking')}
              {check?.code === trimmed && check.state === 'free' && i18n.t('actions.coupon.available')}
              {check?.code === trimmed &&
                check.state === 'error' &&
                i18n.t('actions.coupon.checkFailed', [check.message ?? ''])}
            </span>
          </div>
        </fieldset>
        {error && !serverFieldError && (
          <ActionError message={error.message} outcomeUnknown={phase === 'unknown'} onCheck={checkWhatHappened} />
        )}
        <Guarded>
          {(covered) => (
            <button type="submit" class="bc-button bc-button--primary" disabled={!canCreate || covered}>
              {i18n.t(running ? 'actions.coupon.running' : 'actions.coupon.confirm')}
            </button>
          )}
        </Guarded>
      </form>
    </Modal>
  );
}
