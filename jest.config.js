const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const swc = [
  "@swc/jest",
  { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true }, target: "es2022" } },
]

const testType = process.env.TEST_TYPE || "unit"

const matchers = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s", "**/klarna-simulator/**/__tests__/**/*.spec.[jt]s", "**/scripts/**/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  browser: ["**/integration-tests/browser/**/*.spec.[jt]s"],
  // The main command (scripts/start) end to end: embedded PostgreSQL, simulator, seed, banner.
  "integration:start": ["**/integration-tests/start/**/*.spec.[jt]s"],
  "integration:modules": ["**/integration-tests/modules/**/*.spec.[jt]s", "**/src/modules/*/__tests__/**/*.spec.[jt]s"],
}

module.exports = {
  transform: { "^.+\\.[jt]sx?$": swc },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
  testMatch: matchers[testType],
  testPathIgnorePatterns: testType === "integration:modules" ? ["\\.unit\\.spec\\."] : ["/node_modules/"],
  setupFiles: ["./integration-tests/setup.js"],
  // The failure reporter writes failing tests to JEST_FAILURE_REPORT (scripts/test.js repeats them at the end).
  reporters: ["default", "<rootDir>/scripts/lib/failure-reporter.js"],
  globalSetup: ["unit", "browser", "integration:start"].includes(testType) ? undefined : "./integration-tests/global-setup.ts",
  globalTeardown: ["unit", "browser", "integration:start"].includes(testType) ? undefined : "./integration-tests/global-teardown.ts",
}
