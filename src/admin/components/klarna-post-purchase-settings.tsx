import { Input, Select, Text } from "@medusajs/ui"
import type { KlarnaSettings } from "../lib/klarna-api"

type Props = { draft: KlarnaSettings; setDraft: (next: KlarnaSettings) => void }
type DayField = "extend_days_before_expiry" | "expiry_warning_days"
type ChoiceField = "merchant_reference2" | "imported_reference1"

const DAYS: Array<{ field: DayField; label: string; min: number; max: number; testId: string }> = [
  { field: "extend_days_before_expiry", label: "Extend a reservation this many days before it expires", min: 1, max: 27, testId: "klarna-extend-days" },
  {
    field: "expiry_warning_days",
    label: "List reservations that cannot be extended this many days before they expire",
    min: 1,
    max: 60,
    testId: "klarna-expiry-warning-days",
  },
]

const CHOICES: Array<{ field: ChoiceField; label: string; testId: string; options: Array<[string, string]> }> = [
  {
    field: "merchant_reference2",
    label: "Klarna's merchant reference 2",
    testId: "klarna-merchant-reference2",
    options: [
      ["order_id", "Medusa's order id"],
      ["none", "Nothing"],
    ],
  },
  {
    field: "imported_reference1",
    label: "Imported orders' merchant reference 1",
    testId: "klarna-imported-reference1",
    options: [
      ["woocommerce", "WooCommerce's order number"],
      ["medusa", "Medusa's order number"],
    ],
  },
]

const clamp = (value: string, min: number, max: number) => Math.min(max, Math.max(min, Math.round(Number(value) || min)))

/** After the purchase: when reservations are extended or listed, and what Klarna's merchant references carry. */
export const KlarnaPostPurchaseSettings = ({ draft, setDraft }: Props) => (
  <div className="grid grid-cols-2 gap-4 px-6 py-4">
    {DAYS.map(({ field, label, min, max, testId }) => (
      <div key={field} className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          {label}
        </Text>
        <Input
          type="number"
          min={min}
          max={max}
          data-testid={testId}
          value={draft[field]}
          onChange={(e) => setDraft({ ...draft, [field]: clamp(e.target.value, min, max) })}
        />
      </div>
    ))}
    {CHOICES.map(({ field, label, testId, options }) => (
      <div key={field} className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          {label}
        </Text>
        <Select value={draft[field]} onValueChange={(v) => setDraft({ ...draft, [field]: v })}>
          <Select.Trigger data-testid={testId}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {options.map(([value, text]) => (
              <Select.Item key={value} value={value}>
                {text}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
    ))}
  </div>
)
