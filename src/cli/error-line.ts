/** The one way the CLI reports a problem on stderr: `portal-audit: <message>`. */
export function errorLine(message: string): string {
  return `portal-audit: ${message.trim()}\n`;
}

/**
 * Commander's own errors ("error: unknown option '--x'") in the same style, with the pointer to the help
 * on the same line instead of a second one.
 */
export function commanderErrorLine(commanderMessage: string): string {
  const message = commanderMessage.trim().replace(/^error:\s*/, '');
  return errorLine(`${message} (see --help)`);
}
