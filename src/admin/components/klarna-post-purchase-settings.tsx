import { Input, Select, Text } from "@medusajs/ui"
import type { KlarnaSettings } from "../lib/klarna-api"

type Props = { draft: KlarnaSettings; setDraft: (next: KlarnaSettings) => void }

const days = (value: string, min: number, max: number) => Math.min(max, Math.max(min, Math.round(Number(value) || min)))

/** After the purchase: when reservations are extended or listed, and what Klarna's merchant references carry. */
export const KlarnaPostPurchaseSettings = ({ draft, setDraft }: Props) => (
  <div className="grid grid-cols-2 gap-4 px-6 py-4">
    <div className="flex flex-col gap-y-1">
      <Text size="small" weight="plus">
        Extend a reservation this many days before it expires
      </Text>
      <Input
        type="number"
        min={1}
        max={27}
        data-testid="klarna-extend-days"
        value={draft.extend_days_before_expiry}
        onChange={(e) => setDraft({ ...draft, extend_days_before_expiry: days(e.target.value, 1, 27) })}
      />
    </div>
    <div className="flex flex-col gap-y-1">
      <Text size="small" weight="plus">
        List reservations that cannot be extended this many days before they expire
      </Text>
      <Input
        type="number"
        min={1}
        max={60}
        data-testid="klarna-expiry-warning-days"
        value={draft.expiry_warning_days}
        onChange={(e) => setDraft({ ...draft, expiry_warning_days: days(e.target.value, 1, 60) })}
      />
    </div>
    <div className="flex flex-col gap-y-1">
      <Text size="small" weight="plus">
        Klarna's merchant reference 2
      </Text>
      <Select value={draft.merchant_reference2} onValueChange={(v) => setDraft({ ...draft, merchant_reference2: v })}>
        <Select.Trigger data-testid="klarna-merchant-reference2">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value="order_id">Medusa's order id</Select.Item>
          <Select.Item value="none">Nothing</Select.Item>
        </Select.Content>
      </Select>
    </div>
    <div className="flex flex-col gap-y-1">
      <Text size="small" weight="plus">
        Imported orders' merchant reference 1
      </Text>
      <Select value={draft.imported_reference1} onValueChange={(v) => setDraft({ ...draft, imported_reference1: v })}>
        <Select.Trigger data-testid="klarna-imported-reference1">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value="woocommerce">WooCommerce's order number</Select.Item>
          <Select.Item value="medusa">Medusa's order number</Select.Item>
        </Select.Content>
      </Select>
    </div>
  </div>
)
