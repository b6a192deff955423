import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray } from "@medusajs/icons"
import { Badge, Button, Checkbox, Container, Heading, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../../../lib/sdk"
import { errorText } from "../../../lib/klarna-api"

type Run = {
  id: string
  shop_url: string
  status: "running" | "completed" | "failed"
  dry_run: boolean
  total: number
  processed: number
  imported: number
  updated: number
  skipped: number
  failed: number
  started_at: string
  finished_at: string | null
  error: string | null
}
type RunDetail = { import: Run; failures: Array<{ id: string; woo_order_id: number; woo_number: string | null; reason: string }>; failures_count: number }

const STATUS_COLOR = { running: "blue", completed: "green", failed: "red" } as const

/** Settings → WooCommerce import: start an import, follow it live, read its report and past runs. */
const WooCommerceImportPage = () => {
  const client = useQueryClient()
  const [form, setForm] = useState({ shop_url: "", consumer_key: "", consumer_secret: "", dry_run: false, all: false })
  const [current, setCurrent] = useState<string | null>(null)
  const runs = useQuery({
    queryKey: ["woo-imports"],
    queryFn: () => sdk.client.fetch<{ imports: Run[] }>(`/admin/klarna/woocommerce-imports`),
  })
  const detail = useQuery({
    queryKey: ["woo-import", current],
    enabled: !!current,
    // The page shows the run and its failures: one record of the per-order report is enough to ask for.
    queryFn: () => sdk.client.fetch<RunDetail>(`/admin/klarna/woocommerce-imports/${current}`, { query: { limit: 1 } }),
    refetchInterval: (q) => (q.state.data?.import.status === "running" ? 1000 : false),
  })
  const start = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ import: Run }>(`/admin/klarna/woocommerce-imports`, {
        method: "POST",
        body: {
          shop_url: form.shop_url,
          consumer_key: form.consumer_key,
          consumer_secret: form.consumer_secret,
          dry_run: form.dry_run,
          klarna_only: !form.all,
        },
      }),
    onSuccess: ({ import: run }) => {
      setCurrent(run.id)
      // The secret is used for this run only; it is not kept in the page either.
      setForm((f) => ({ ...f, consumer_secret: "" }))
      client.invalidateQueries({ queryKey: ["woo-imports"] })
    },
    onError: (e) => toast.error("WooCommerce import", { description: errorText(e) }),
  })
  const run = detail.data?.import
  const percent = run && run.total ? Math.min(100, Math.round((run.processed / run.total) * 100)) : 0
  if (run && run.status !== "running" && runs.data?.imports.find((r) => r.id === run.id)?.status === "running") {
    client.invalidateQueries({ queryKey: ["woo-imports"] })
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div>
          <Heading level="h1">WooCommerce import</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Bring WooCommerce orders into Medusa; Klarna-paid ones stay managed in Klarna from here. Use a read-only REST key; it is
            used for this import only and never stored.
          </Text>
        </div>
        <div className="grid grid-cols-3 gap-3">
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="woo-url">Shop URL</Label>
            <Input id="woo-url" data-testid="woo-url" placeholder="https://shop.example.se" value={form.shop_url} onChange={(e) => setForm({ ...form, shop_url: e.target.value })} />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="woo-key">Consumer key</Label>
            <Input id="woo-key" data-testid="woo-key" value={form.consumer_key} onChange={(e) => setForm({ ...form, consumer_key: e.target.value })} />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="woo-secret">Consumer secret</Label>
            <Input id="woo-secret" data-testid="woo-secret" type="password" value={form.consumer_secret} onChange={(e) => setForm({ ...form, consumer_secret: e.target.value })} />
          </div>
        </div>
        <div className="flex items-center gap-x-6">
          <div className="flex items-center gap-x-2">
            <Checkbox id="woo-dry" checked={form.dry_run} onCheckedChange={(v) => setForm({ ...form, dry_run: v === true })} />
            <Label htmlFor="woo-dry">Dry run (write nothing)</Label>
          </div>
          <div className="flex items-center gap-x-2">
            <Checkbox id="woo-all" checked={form.all} onCheckedChange={(v) => setForm({ ...form, all: v === true })} />
            <Label htmlFor="woo-all">All orders, not only Klarna-paid</Label>
          </div>
          <Button size="small" onClick={() => start.mutate()} isLoading={start.isPending} disabled={!form.shop_url || !form.consumer_key || !form.consumer_secret} data-testid="woo-start">
            Start import
          </Button>
        </div>
      </Container>

      {run && (
        <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="woo-run">
          <div className="flex items-center justify-between">
            <Heading level="h2">{run.shop_url}</Heading>
            <Badge color={STATUS_COLOR[run.status]} data-testid="woo-run-status">
              {run.status}
            </Badge>
          </div>
          <div className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full">
            <div className="bg-ui-fg-interactive h-2" style={{ width: `${run.status === "completed" ? 100 : percent}%` }} />
          </div>
          <Text size="small" data-testid="woo-run-summary">
            {run.processed} of {run.total} read · {run.dry_run ? "would import" : "imported"} {run.imported} · {run.dry_run ? "would update" : "updated"}{" "}
            {run.updated} · skipped {run.skipped} · failed {run.failed}
            {run.dry_run ? " · dry run, nothing written" : ""}
          </Text>
          {run.error && <Text size="small" className="text-ui-fg-error">{run.error}</Text>}
          {!!detail.data?.failures.length && (
            <Table data-testid="woo-failures">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>WooCommerce order</Table.HeaderCell>
                  <Table.HeaderCell>Why it was not imported</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {detail.data.failures.map((f) => (
                  <Table.Row key={f.id}>
                    <Table.Cell>#{f.woo_number ?? f.woo_order_id}</Table.Cell>
                    <Table.Cell className="whitespace-normal">{f.reason}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          {!!detail.data && detail.data.failures_count > detail.data.failures.length && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="woo-failures-more">
              The first {detail.data.failures.length} of {detail.data.failures_count} failures are shown. Correct these and run the
              import again: orders already imported are left as they are, and the rest are listed.
            </Text>
          )}
        </Container>
      )}

      <Container className="p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Past imports</Heading>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Started</Table.HeaderCell>
              <Table.HeaderCell>Shop</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Imported</Table.HeaderCell>
              <Table.HeaderCell>Failed</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(runs.data?.imports ?? []).map((r) => (
              <Table.Row key={r.id} className="cursor-pointer" onClick={() => setCurrent(r.id)}>
                <Table.Cell>{new Date(r.started_at).toLocaleString("sv-SE")}</Table.Cell>
                <Table.Cell>{r.shop_url}</Table.Cell>
                <Table.Cell>
                  <Badge color={STATUS_COLOR[r.status]}>{r.status}</Badge>
                </Table.Cell>
                <Table.Cell>{r.imported}</Table.Cell>
                <Table.Cell>{r.failed}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "WooCommerce import", icon: ArrowDownTray })

export default WooCommerceImportPage
