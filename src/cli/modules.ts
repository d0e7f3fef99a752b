// The command line's names for what the library provides (kept so the CLI reads as before).
export { UserError as CliError } from '../errors'
export { describeModules, findModule } from '../content/decks'
