import type { StatusTone } from './host-status';

/** A coloured dot; always paired with a text label, so colour is never the only signal. */
export function StatusDot({ tone }: { tone: StatusTone }) {
  return <span className={`status-dot status-dot--${tone}`} aria-hidden="true" />;
}
