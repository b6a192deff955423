import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CreditCard } from "@medusajs/icons"
import { Button, Container, Heading, Select, Switch, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { KlarnaConnection, type KlarnaConnectionView } from "../../../components/klarna-connection"
import { KlarnaPostPurchaseSettings } from "../../../components/klarna-post-purchase-settings"
import { errorText, useKlarnaSettings, useSaveKlarnaSettings, type KlarnaSettings } from "../../../lib/klarna-api"

const METHODS = [
  ["klarna_checkout", "Klarna Checkout"],
  ["pay_later", "Pay later (invoice)"],
  ["pay_over_time", "Pay over time (part payment)"],
  ["pay_now", "Pay now"],
] as const
const TOGGLES = [
  ["capture_on_complete", "On order completion → capture"],
  ["cancel_on_cancel", "On order cancellation → cancel"],
  ["update_on_edit", "On order update → update Klarna"],
  ["extend_before_expiry", "Before a reservation expires → extend it"],
  ["tracking_after_capture", "Tracking number after capture → send it to Klarna"],
  ["merchant_references", "Order placed → Medusa's order number in Klarna"],
  ["address_to_klarna", "Shipping address edited → update Klarna"],
] as const

/** Settings → Klarna: the toggle matrix, completion trigger, good-will VAT policy and the Klarna and Kustom connections. */
const KlarnaSettingsPage = () => {
  const { data, isLoading } = useKlarnaSettings()
  const save = useSaveKlarnaSettings()
  const [draft, setDraft] = useState<KlarnaSettings | null>(null)
  useEffect(() => {
    if (data?.settings) setDraft(data.settings)
  }, [data?.settings])
  if (isLoading || !draft) {
    return null
  }
  const setToggle = (toggle: string, method: string, value: boolean) =>
    setDraft({ ...draft, toggles: { ...draft.toggles, [toggle]: { ...draft.toggles[toggle as keyof KlarnaSettings["toggles"]], [method]: value } } })

  const onSave = async () => {
    try {
      await save.mutateAsync(draft)
      toast.success("Klarna settings saved", { description: "The next order event uses them." })
    } catch (e) {
      toast.error("Klarna settings", { description: errorText(e) })
    }
  }
  const connections: KlarnaConnectionView[] = data?.connections ?? (data?.connection ? [data.connection] : [])

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Klarna order management</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Which order events act in Klarna, for each payment method.
            </Text>
          </div>
          <Button size="small" onClick={onSave} isLoading={save.isPending} data-testid="klarna-settings-save">
            Save
          </Button>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Event</Table.HeaderCell>
              {METHODS.map(([m, label]) => (
                <Table.HeaderCell key={m}>{label}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {TOGGLES.map(([t, label]) => (
              <Table.Row key={t}>
                <Table.Cell>{label}</Table.Cell>
                {METHODS.map(([m]) => (
                  <Table.Cell key={m}>
                    <Switch
                      data-testid={`toggle-${t}-${m}`}
                      checked={draft.toggles[t][m]}
                      onCheckedChange={(v) => setToggle(t, m, v)}
                    />
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <div className="grid grid-cols-2 gap-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Text size="small" weight="plus">
              What counts as completion
            </Text>
            <Select value={draft.completion_trigger} onValueChange={(v) => setDraft({ ...draft, completion_trigger: v })}>
              <Select.Trigger data-testid="klarna-completion-trigger">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="order.completed">Order completed</Select.Item>
                <Select.Item value="shipment.created">Each shipment</Select.Item>
                <Select.Item value="delivery.created">Each delivery</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <div className="flex flex-col gap-y-1">
            <Text size="small" weight="plus">
              Good-will refund VAT
            </Text>
            <Select value={draft.goodwill_vat_policy} onValueChange={(v) => setDraft({ ...draft, goodwill_vat_policy: v })}>
              <Select.Trigger data-testid="klarna-goodwill-policy">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="split_by_rate">Split across the order's VAT rates</Select.Item>
                <Select.Item value="single_rate_only">Only for orders with one VAT rate</Select.Item>
              </Select.Content>
            </Select>
          </div>
        </div>
        <KlarnaPostPurchaseSettings draft={draft} setDraft={setDraft} />
      </Container>
      {connections.map((connection) => (
        <KlarnaConnection key={connection.brand} connection={connection} />
      ))}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Klarna", icon: CreditCard })

export default KlarnaSettingsPage
