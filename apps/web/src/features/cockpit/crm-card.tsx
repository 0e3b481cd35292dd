import { useQuery } from "@tanstack/react-query";
import { Badge } from "../../components/badge";
import { Card, CardHeader } from "../../components/card";
import { Skeleton } from "../../components/skeleton";
import { useTRPC } from "../../lib/trpc";

const money = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);

/** What the team's CRM knows about the lead; nothing at all when no CRM is connected. */
export function CrmCard({ conversationId }: { conversationId: string }) {
  const trpc = useTRPC();
  const context = useQuery({
    ...trpc.conversations.crmContext.queryOptions({ conversationId }),
    // The CRM is slow and rarely changes during a conversation.
    staleTime: 5 * 60_000,
  });
  if (context.isPending) return <Skeleton className="h-24 w-full rounded-xl" />;
  if (context.isError || context.data.crm === null) return null;
  const { customer, error } = context.data;
  return (
    <Card>
      <CardHeader title="In FieldRoutes" />
      {error ? (
        <p className="text-sm text-amber-700">{error}</p>
      ) : !customer ? (
        <p className="text-sm text-slate-500">
          Not a customer yet: no FieldRoutes record has this phone number.
        </p>
      ) : (
        <div className="space-y-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-900">{customer.name}</span>
            <Badge tone={customer.active ? "success" : "neutral"}>
              {customer.active ? "Active" : "Inactive"}
            </Badge>
            <span className="text-xs text-slate-500">#{customer.externalId}</span>
          </div>
          {customer.address ? <p className="text-slate-600">{customer.address}</p> : null}
          {customer.balanceCents ? (
            <p className={customer.balanceCents > 0 ? "text-rose-700" : "text-slate-600"}>
              Balance {money(customer.balanceCents)}
            </p>
          ) : null}
          <div>
            <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Service history</p>
            {customer.serviceHistory.length === 0 ? (
              <p className="text-slate-500">No services on record.</p>
            ) : (
              <ul aria-label="Service history" className="mt-1 space-y-1">
                {customer.serviceHistory.slice(0, 5).map((service) => (
                  <li key={`${service.date}-${service.service}`} className="flex justify-between gap-2">
                    <span className="text-slate-700">{service.service}</span>
                    <span className="shrink-0 text-xs text-slate-500 tabular-nums">
                      {service.date} · {service.status}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}
