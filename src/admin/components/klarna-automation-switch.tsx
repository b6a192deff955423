import { Button, Label, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { errorText, useSetKlarnaOrderAutomation, type KlarnaOrderAutomation } from "../lib/klarna-api"

const REASON_MAX = 500

/**
 * WooCommerce's per-order "disconnect": automatic Klarna management on or off
 * for this order. Switching off asks for the reason; while off, who switched
 * it off and why is shown. Manual actions keep working either way.
 */
export const KlarnaAutomationSwitch = ({ orderId, automation, refetch }: { orderId: string; automation?: KlarnaOrderAutomation; refetch: () => void }) => {
  const enabled = automation?.enabled ?? true
  const mutation = useSetKlarnaOrderAutomation(orderId)
  const [askingReason, setAskingReason] = useState(false)
  const [reason, setReason] = useState("")

  const save = async (body: { enabled: boolean; reason?: string }) => {
    try {
      const res = await mutation.mutateAsync(body)
      toast.success(body.enabled ? "Automatic management on" : "Automatic management off", { description: res.event.message })
      setAskingReason(false)
      setReason("")
    } catch (e) {
      toast.error("Automatic Klarna management", { description: errorText(e) })
    }
    refetch()
  }

  const onToggle = (checked: boolean) => {
    if (checked) {
      setAskingReason(false)
      if (!enabled) void save({ enabled: true })
      return
    }
    setAskingReason(true)
  }

  return (
    <div className="flex flex-col gap-y-2 px-6 py-3" data-testid="klarna-automation">
      <div className="flex items-center gap-x-2">
        <Switch
          id={`klarna-automation-${orderId}`}
          checked={enabled && !askingReason}
          disabled={mutation.isPending}
          onCheckedChange={onToggle}
          data-testid="klarna-automation-switch"
        />
        <Label htmlFor={`klarna-automation-${orderId}`} size="small">
          Automatic Klarna management for this order
        </Label>
      </div>
      {!enabled && !askingReason && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="klarna-automation-off">
          Off{automation?.changed_by ? ` — switched off by ${automation.changed_by}` : ""}
          {automation?.changed_at ? ` on ${new Date(automation.changed_at).toLocaleString("sv-SE")}` : ""}
          {automation?.reason ? `: ${automation.reason}` : ""}. Captures, cancellations and updates happen only when you run them.
        </Text>
      )}
      {askingReason && (
        <div className="flex flex-col gap-y-2">
          <Textarea
            placeholder="Why should Klarna leave this order alone? (required)"
            value={reason}
            maxLength={REASON_MAX}
            onChange={(e) => setReason(e.target.value)}
            data-testid="klarna-automation-reason"
          />
          <div className="flex gap-x-2">
            <Button
              size="small"
              variant="secondary"
              disabled={!reason.trim() || mutation.isPending}
              onClick={() => save({ enabled: false, reason: reason.trim() })}
              data-testid="klarna-automation-confirm-off"
            >
              Switch off
            </Button>
            <Button size="small" variant="transparent" onClick={() => setAskingReason(false)} data-testid="klarna-automation-cancel">
              Back
            </Button>
          </div>
        </div>
      )}
    </div>
  )
}
