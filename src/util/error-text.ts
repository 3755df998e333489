/** What went wrong, for a message: an error's message, or anything else thrown as text. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The same with the stack, for internal errors (bugs in Strata) that someone will have to trace. */
export function errorStack(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Only the first line of an error's message that says something: compilers and loaders put a code frame below it. */
export function errorFirstLine(e: unknown): string {
  return errorMessage(e)
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim() ?? 'unknown error';
}
