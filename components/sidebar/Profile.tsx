import { i18n } from '#i18n';
import type { ComponentChildren } from 'preact';
import type { Customer } from '../../lib/core/model';
import { formatAddress, formatDate, formatMoney, shownPhone } from '../../lib/sidebar/format';
import { useSidebar } from './context';
import { Lifetime } from './Lifetime';

interface Props {
  customer: Customer;
  /** The store's name, when no heading above already says it (else null). */
  storeName: string | null;
  connectionId: string;
  autoLinked: boolean;
  onUnlink: (() => void) | null;
  busy: boolean;
}

function Row({ label, children, title }: { label: string; children: ComponentChildren; title?: string }) {
  return (
    <div class="bc-profile__row">
      <dt>{label}</dt>
      <dd class="bc-wrap" title={title}>
        {children}
      </dd>
    </div>
  );
}

/** The linked customer's profile: every field the store has a value for. */
export function Profile({ customer, storeName, connectionId, autoLinked, onUnlink, busy }: Props) {
  const { locale } = useSidebar();
  const name = customer.name || [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email;
  const more = customer.addressCount - (customer.address ? 1 : 0);
  const group =
    customer.customerGroupName ??
    (customer.customerGroupId > 0 ? i18n.t('sidebar.groupId', [customer.customerGroupId]) : '');
  return (
    <section class="bc-profile" aria-label={i18n.t('sidebar.profileLabel')}>
      <div class="bc-profile__head">
        <h3 class="bc-profile__name bc-ellipsis" title={name}>
          {name}
        </h3>
        {onUnlink && (
          <button type="button" class="bc-button bc-button--small" onClick={onUnlink} disabled={busy}>
            {i18n.t('sidebar.unlink')}
          </button>
        )}
      </div>
      {autoLinked && <p class="bc-note">{i18n.t('sidebar.autoLinked')}</p>}
      <dl class="bc-profile__fields">
        {customer.email && (
          <Row label={i18n.t('sidebar.email')} title={customer.email}>
            {customer.email}
          </Row>
        )}
        {customer.phone && <Row label={i18n.t('sidebar.phone')}>{shownPhone(customer)}</Row>}
        {customer.company && <Row label={i18n.t('sidebar.company')}>{customer.company}</Row>}
        {customer.createdAt && (
          <Row label={i18n.t('sidebar.customerSince')}>{formatDate(customer.createdAt, locale)}</Row>
        )}
        {customer.address && (
          <Row label={i18n.t('sidebar.address')}>
            {formatAddress(customer.address)}
            {more > 0 && <span class="bc-muted"> {i18n.t('sidebar.moreAddresses', [more])}</span>}
          </Row>
        )}
        {customer.acceptsMarketing !== null && (
          <Row label={i18n.t('sidebar.acceptsMarketing')}>
            {i18n.t(customer.acceptsMarketing ? 'sidebar.yes' : 'sidebar.no')}
          </Row>
        )}
        {group && <Row label={i18n.t('sidebar.customerGroup')}>{group}</Row>}
        {customer.storeCreditAmount !== null && (
          <Row label={i18n.t('sidebar.storeCredit')}>
            {formatMoney(customer.storeCreditAmount, customer.storeCreditCurrency, locale)}
          </Row>
        )}
        {customer.notes && <Row label={i18n.t('sidebar.notes')}>{customer.notes}</Row>}
        {storeName && <Row label={i18n.t('sidebar.store')}>{storeName}</Row>}
      </dl>
      <Lifetime connectionId={connectionId} customerId={customer.id} email={customer.email} />
    </section>
  );
}
