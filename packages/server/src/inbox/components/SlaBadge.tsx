import type { SlaStatus } from '../util/sla.js';

/** SLA state as a colour plus words, never colour alone. */
export function SlaBadge({ sla }: { sla: SlaStatus }) {
  return <span class={`sla sla-${sla.state}`}>{sla.label}</span>;
}
