"use strict"

/**
 * Parses a command's arguments with `parse` (which throws on a bad one). Returns `{ args }`, or
 * `{ exit }` after printing: the error and the help (exit code 2), or the help asked for with --help (0).
 */
function parseCommandLine(parse, argv, help) {
  let args
  try {
    args = parse(argv)
  } catch (e) {
    console.error(`${e.message}\n\n${help}`)
    return { exit: 2 }
  }
  if (args.help) {
    console.log(help)
    return { exit: 0 }
  }
  return { args }
}

module.exports = { parseCommandLine }
