// What the kit's command lines share (`npm run <command>` in src/cli, `npm run live` in
// src/live): Node's parseArgs with a typo reported as the user's mistake, with the usage and no
// stack trace, and port numbers checked the same way everywhere.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UserError } from './errors'

export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  }
  catch (e) {
    if (String((e as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS'))
      throw new UserError(`${(e as Error).message}\n${usage}`)
    throw e
  }
}

/** A `--port` value; 0 (any free port, for tests and scripts) only where `anyFree` allows it. */
export function parsePort(value: string, options: { anyFree?: boolean } = {}): number {
  const lowest = options.anyFree ? 0 : 1
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535 || Number(value) < lowest)
    throw new UserError(`--port must be a number from ${lowest} to 65535, such as 4173 (got "${value}").`)
  return Number(value)
}
