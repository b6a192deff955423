// A Jest reporter that writes every failing test (and a suite that could not run) to the file
// named by JEST_FAILURE_REPORT, for scripts/test.js to repeat at the end of the log.
const fs = require("node:fs")

class FailureReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.JEST_FAILURE_REPORT
    if (!file) return
    const failures = []
    for (const suite of results.testResults) {
      const failed = suite.testResults.filter((test) => test.status === "failed")
      for (const test of failed) {
        failures.push({ path: suite.testFilePath, test: test.fullName, message: test.failureMessages.join("\n") })
      }
      if (!failed.length && suite.testExecError) {
        failures.push({ path: suite.testFilePath, test: "(the suite did not run)", message: String(suite.testExecError.message ?? suite.testExecError) })
      }
    }
    fs.writeFileSync(file, JSON.stringify(failures))
  }
}

module.exports = FailureReporter
