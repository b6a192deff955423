import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  KLARNA_CAPTURE_REFERENCE_PENDING,
  noteKlarnaCaptureReferenceWorkflow,
  type NoteKlarnaCaptureReferenceInput,
} from "../workflows/note-klarna-capture-reference"

/** Names a capture's own Klarna reference in its event-log entry once the capture has been recorded. */
export default async function klarnaCaptureReference({ event: { data }, container }: SubscriberArgs<NoteKlarnaCaptureReferenceInput>) {
  await noteKlarnaCaptureReferenceWorkflow(container).run({ input: data })
}

export const config: SubscriberConfig = {
  event: KLARNA_CAPTURE_REFERENCE_PENDING,
  context: { subscriberId: "klarna-capture-reference" },
}
