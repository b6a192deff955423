/**
 * The settlements module's options from the environment (the dev and test app):
 * KLARNA_SETTLEMENTS_OVERDUE_AFTER_DAYS (default 14) and KLARNA_SETTLEMENTS_PAGE_SIZE (default 500).
 */
export function klarnaSettlementsOptionsFromEnv(env: Record<string, string | undefined>): Record<string, number> {
  const options: Record<string, number> = {}
  const days = env.KLARNA_SETTLEMENTS_OVERDUE_AFTER_DAYS
  if (days !== undefined && days !== "") options.overdue_after_days = Number(days)
  const size = env.KLARNA_SETTLEMENTS_PAGE_SIZE
  if (size !== undefined && size !== "") options.page_size = Number(size)
  return options
}
