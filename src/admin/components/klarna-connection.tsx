import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { sdk } from "../lib/sdk"
import { errorText } from "../lib/klarna-api"

export type KlarnaConnectionView = {
  brand: "klarna" | "kustom"
  provider_id: string | null
  provider_registered: boolean
  base_url: string | null
  simulator: boolean
  region: string | null
  environment: string | null
  credentials_configured: boolean
}

const NAMES = {
  klarna: { title: "Klarna connection", what: "Klarna Payments orders", brand: "Klarna" },
  kustom: { title: "Kustom connection", what: "Klarna Checkout orders (run by Kustom)", brand: "Kustom" },
} as const

function describe(c: KlarnaConnectionView): string {
  const name = NAMES[c.brand].brand
  if (!c.provider_registered) {
    return c.brand === "kustom"
      ? "The Kustom payment provider is not registered: Klarna Checkout orders cannot be managed."
      : "The Klarna payment provider is not registered."
  }
  return c.simulator
    ? `Local ${name} simulator at ${c.base_url}`
    : `${name} ${c.environment} API, region ${String(c.region).toUpperCase()} (${c.base_url})`
}

/** One connection (Klarna's or Kustom's): where it points, whether it has credentials, and a test. */
export const KlarnaConnection = ({ connection }: { connection: KlarnaConnectionView }) => {
  const [testing, setTesting] = useState(false)
  const names = NAMES[connection.brand]
  const onTest = async () => {
    setTesting(true)
    try {
      const res = await sdk.client.fetch<{ ok: boolean; message: string }>(`/admin/klarna/connection-test`, {
        method: "POST",
        body: { brand: connection.brand },
      })
      res.ok ? toast.success(names.title, { description: res.message }) : toast.error(names.title, { description: res.message })
    } catch (e) {
      toast.error(names.title, { description: errorText(e) })
    } finally {
      setTesting(false)
    }
  }
  return (
    <Container className="flex items-center justify-between px-6 py-4">
      <div className="flex flex-col gap-y-1">
        <Heading level="h2">{names.title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {names.what}
        </Text>
        <Text size="small" className="text-ui-fg-subtle" data-testid={`${connection.brand}-connection`}>
          {describe(connection)}
        </Text>
      </div>
      <div className="flex items-center gap-x-2">
        <Badge color={connection.credentials_configured ? "green" : "red"}>
          {connection.credentials_configured ? "Credentials configured" : "No credentials"}
        </Badge>
        <Button
          size="small"
          variant="secondary"
          onClick={onTest}
          isLoading={testing}
          disabled={!connection.provider_registered}
          data-testid={`${connection.brand}-test-connection`}
        >
          Test connection
        </Button>
      </div>
    </Container>
  )
}
