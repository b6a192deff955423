import { medusaOrderInput, type ImportedOrderDraft } from "../../src/woocommerce"

/**
 * The same order's content as input to Medusa's own createOrderWorkflow, for
 * the benchmark's bare baseline: the customer found or created by email and
 * the tax lines computed by Medusa, as its workflow does.
 */
export function bareOrderInput(draft: ImportedOrderDraft, ctx: { region_id: string; sales_channel_id?: string }) {
  const { customer_id: _customer, ...input } = medusaOrderInput(draft, { ...ctx, customer_id: "", variants: new Map() })
  return { ...input, items: input.items.map(({ tax_lines: _tax, ...item }) => item) }
}
