/** A row of a dialog's list (routes, rules, entries, CIDRs): its text, why it is locked, and what its buttons do. */
export interface Row {
  key: string;
  text: string;
  /** Shown beside the text: why the row cannot be removed, or what removing it needs first. */
  note?: string;
  /** The Remove button; absent when AWS never allows it (the local route, the "*" rule, the primary CIDR). */
  remove?: { label: string; run: () => void };
  /** An Edit button (a route's target). */
  edit?: { label: string; run: () => void };
}
