// Placeholder: the actions issue fills this in (buttons under an order, when actions are on).
export function OrderActions(_props: Record<string, unknown>) {
  return null;
}
