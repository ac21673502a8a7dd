import { i18n } from '#i18n';

/** Placeholders shaped like the profile and the order rows, shown while a lookup runs. */
export function ProfileSkeleton() {
  return (
    <div class="bc-skeleton-profile" aria-hidden="true">
      <div class="bc-skel bc-skel--title" />
      <div class="bc-skel bc-skel--line" />
      <div class="bc-skel bc-skel--line bc-skel--short" />
    </div>
  );
}

export function OrderRowSkeleton() {
  return (
    <div class="bc-skeleton-order" aria-hidden="true">
      <div class="bc-skel bc-skel--line bc-skel--short" />
      <div class="bc-skel bc-skel--line" />
    </div>
  );
}

export function LookupSkeleton({ label = i18n.t('sidebar.lookingUp') }: { label?: string }) {
  return (
    <div class="bc-loading" role="status" aria-busy="true">
      <span class="bc-visually-hidden">{label}</span>
      <ProfileSkeleton />
      <OrderRowSkeleton />
      <OrderRowSkeleton />
      <OrderRowSkeleton />
    </div>
  );
}
