/** An import run as the admin API answers it: never its sealed credentials. */
export function adminWooImportRun<T extends { sealed_credentials?: unknown }>(run: T) {
  const { sealed_credentials, ...rest } = run
  return { ...rest, resumable: !!sealed_credentials }
}
