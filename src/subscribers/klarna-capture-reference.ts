import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KLARNA_CAPTURE_RECORDED, type KlarnaCaptureRecorded } from "../workflows/capture-klarna-order"
import { noteKlarnaCaptureReferenceWorkflow } from "../workflows/note-klarna-capture-reference"

/** Names a capture's own Klarna reference in its event-log entry once the capture has been recorded. */
export default async function klarnaCaptureReference({ event: { data }, container }: SubscriberArgs<KlarnaCaptureRecorded>) {
  if (!data.reference_pending) {
    return
  }
  await noteKlarnaCaptureReferenceWorkflow(container).run({ input: { ...data.reference_pending, event_id: data.event_id } })
}

export const config: SubscriberConfig = {
  event: KLARNA_CAPTURE_RECORDED,
  context: { subscriberId: "klarna-capture-reference" },
}
