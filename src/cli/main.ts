import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorStack } from '../util/error-text.js';

const HELP = `strata — versioned docs from Hugo-style markdown

Usage:
  strata build [SITE_DIR] [--out DIR] [--base-url URL] [--version NAME] [--warn-only] [--to=ndjson] [--config FILE] [--threads N]
  strata check [SITE_DIR] [--base-url URL] [--format github]
  strata merge DIR... [--out DIR]
  strata dev [SITE_DIR] [--port N] [--host H] [--open] [--base-url URL]
  strata version <name> [SITE_DIR] [--force]
  strata migrate-check [SITE_DIR] [--config FILE] [--drafts]
  strata help

Run \`strata <command> --help\` for a command's options.`;

export interface Command {
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Takes at most one positional argument, the site's folder (`main` refuses more before `run`). */
  siteDirArgument?: boolean;
  run(args: { positionals: string[]; values: Record<string, string | boolean | undefined> }): Promise<number>;
}

/** Each command is loaded when it runs: `strata build` does not pay for the dev server's modules. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./build-command.js')).buildCommand,
  check: async () => (await import('./check-command.js')).checkCommand,
  merge: async () => (await import('./merge-command.js')).mergeCommand,
  dev: async () => (await import('./dev-command.js')).devCommand,
  version: async () => (await import('./version-command.js')).versionCommand,
  'migrate-check': async () => (await import('./migrate-check-command.js')).migrateCheckCommand,
};

/** argv → command. No logic lives here: parse, reject unknown flags kindly, hand off. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(HELP);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    const { version } = await import('./version.js');
    console.log(version);
    return 0;
  }
  // Own names only: `strata constructor` is not a command.
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    console.error(`strata: unknown command \`${name}\`\n\n${HELP}`);
    return 2;
  }
  const command = await load();
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    console.error(`strata ${name}: ${(e as Error).message}\n${command.summary}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(command.summary);
    return 0;
  }
  if (command.siteDirArgument && parsed.positionals.length > 1) {
    console.error(`strata ${name}: expected at most one SITE_DIR, got ${parsed.positionals.length}`);
    return 2;
  }
  try {
    return await command.run({ positionals: parsed.positionals, values: parsed.values as Record<string, string | boolean | undefined> });
  } catch (e) {
    // Problems in the user's input are diagnostics; reaching here is a bug in Strata.
    console.error(`strata ${name}: internal error: ${errorStack(e)}`);
    console.error('This is a bug in Strata; please report it with the command you ran.');
    return 70;
  }
}
