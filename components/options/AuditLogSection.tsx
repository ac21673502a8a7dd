// Placeholder: the actions issue fills this in (the audit log on the options page).
export function AuditLogSection() {
  return null;
}
