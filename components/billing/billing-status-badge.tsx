import { Badge } from '@/components/ui/badge';
import { statusLabel, statusTone } from '@/lib/billing/statuses';

export function BillingStatusBadge({ status }: { status: string }) {
  return <Badge tone={statusTone(status)}>{statusLabel(status)}</Badge>;
}
