import { Text } from "@medusajs/ui"
import type { KlarnaShippingInfo } from "../lib/klarna-api"

const safeLink = (uri: string | null | undefined) => (uri && /^https?:\/\//i.test(uri) ? uri : undefined)

/** The tracking Klarna holds for one capture: carrier and number, the number linked to its tracking page. */
export const KlarnaCaptureTracking = ({ captureId, shippingInfo }: { captureId: string; shippingInfo?: KlarnaShippingInfo[] | null }) => {
  const tracked = (shippingInfo ?? []).filter((s) => s.tracking_number)
  if (!tracked.length) {
    return null
  }
  return (
    <ul className="flex flex-col gap-y-0.5 pl-3" data-testid={`klarna-capture-tracking-${captureId}`}>
      {tracked.map((s) => {
        const href = safeLink(s.tracking_uri)
        return (
          <li key={s.tracking_number!} className="flex gap-x-1" data-testid="klarna-capture-tracking-item">
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="klarna-capture-tracking-company">
              {s.shipping_company ?? "Tracking"}
            </Text>
            <Text size="xsmall" data-testid="klarna-capture-tracking-number">
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer" className="text-ui-fg-interactive hover:underline">
                  {s.tracking_number}
                </a>
              ) : (
                s.tracking_number
              )}
            </Text>
          </li>
        )
      })}
    </ul>
  )
}
