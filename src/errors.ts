// The one error type for a user's mistake (a bad cohort file, a missing Chromium, an unknown
// module): the command line prints its message and exits with its code, never a stack trace.
// It lives below the command line so that the library never imports from src/cli/.
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message)
    this.name = 'UserError'
  }
}
