// Polls a URL until it answers below 500: how the main command and the browser tests know Medusa is up.
const http = require("node:http")

/**
 * @param {string} url
 * @param {{ timeoutMs: number, intervalMs?: number, stillRunning?: () => boolean, onGiveUp?: (why: string) => Error }} options
 * @returns {Promise<void>}
 */
function waitForHttp(url, { timeoutMs, intervalMs = 300, stillRunning = () => true, onGiveUp = (why) => new Error(why) }) {
  const deadline = Date.now() + timeoutMs
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const req = http.get(url, (res) => {
        res.resume()
        res.statusCode && res.statusCode < 500 ? resolve() : retry()
      })
      req.on("error", retry)
      req.setTimeout(5000, () => req.destroy())
    }
    const retry = () => {
      if (!stillRunning()) return reject(onGiveUp("Medusa exited before it answered; see its output above"))
      if (Date.now() > deadline) return reject(onGiveUp(`${url} did not answer within ${timeoutMs / 1000} s`))
      setTimeout(attempt, intervalMs)
    }
    attempt()
  })
}

module.exports = { waitForHttp }
