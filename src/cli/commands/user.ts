import type { Command } from 'commander';
import { defaultDbPath } from '../../../db/paths.ts';
import { USER_ROLES, type UserRole } from '../../../db/schema/user-roles.ts';
import { UserError } from '../../core/index.ts';
import { oneOf } from '../option-parsers.ts';

interface PasswordOptions {
  db: string;
  passwordStdin?: boolean;
}

/** `portal-audit user add|passwd|role|list`: the review app's accounts. */
export function registerUser(program: Command): void {
  const user = program.command('user').description('manage the review app users (admin, assessor, viewer)');

  user
    .command('add')
    .description('add a user; the password is asked for (no echo) or read from stdin')
    .argument('<name>', 'user name (letters, digits, . _ @ -)')
    .requiredOption('--role <role>', USER_ROLES.join(' | '), oneOf('--role', USER_ROLES))
    .option('--password-stdin', 'read the password from standard input (first line)')
    .option('--db <file>', 'evidence store (SQLite)', defaultDbPath())
    .action(async (name: string, options: PasswordOptions & { role: UserRole }) => {
      const password = await readNewPassword(options);
      const { hashPassword } = await import('../../server/auth/password.ts');
      await withWrites(options.db, { create: true }, async ({ writes }) => {
        const { DuplicateUserError } = await import('../../../db/review-app/user-writes.ts');
        try {
          writes.add({ name, role: options.role, passwordHash: await hashPassword(password) });
        } catch (error) {
          if (error instanceof DuplicateUserError) throw new UserError(error.message);
          if (error instanceof Error && error.name === 'InvalidInputError')
            throw new UserError(error.message);
          throw error;
        }
      });
      process.stdout.write(`Added ${options.role} "${name}".\n`);
    });

  user
    .command('passwd')
    .description("set a user's password")
    .argument('<name>')
    .option('--password-stdin', 'read the password from standard input (first line)')
    .option('--db <file>', 'evidence store (SQLite)', defaultDbPath())
    .action(async (name: string, options: PasswordOptions) => {
      const password = await readNewPassword(options);
      const { hashPassword } = await import('../../server/auth/password.ts');
      await withWrites(options.db, { create: false }, async ({ writes, users }) => {
        writes.setPassword(requireUser(users, name), await hashPassword(password));
      });
      process.stdout.write(`Password of "${name}" changed.\n`);
    });

  user
    .command('role')
    .description("change a user's role")
    .argument('<name>')
    .argument('<role>', USER_ROLES.join(' | '), oneOf('role', USER_ROLES))
    .option('--db <file>', 'evidence store (SQLite)', defaultDbPath())
    .action(async (name: string, role: UserRole, options: { db: string }) => {
      await withWrites(options.db, { create: false }, async ({ writes, users }) =>
        writes.setRole(requireUser(users, name), role),
      );
      process.stdout.write(`"${name}" is now ${role}.\n`);
    });

  user
    .command('list')
    .description('list the users')
    .option('--db <file>', 'evidence store (SQLite)', defaultDbPath())
    .action(async (options: { db: string }) => {
      await withWrites(options.db, { create: false }, async ({ users }) => {
        for (const u of users.list()) process.stdout.write(`${u.name}\t${u.role}\t${u.createdAt}\n`);
      });
    });
}

type UsersRead = {
  getByName(name: string): { id: number } | null;
  list(): { name: string; role: string; createdAt: string }[];
};

function requireUser(users: UsersRead, name: string): number {
  const found = users.getByName(name);
  if (!found) throw new UserError(`No user named "${name}".`);
  return found.id;
}

/** `create`: only `user add` may start a new store; the others act on users already there. */
async function withWrites(
  dbFile: string,
  { create }: { create: boolean },
  fn: (x: {
    writes: import('../../../db/review-app/user-writes.ts').UserWrites;
    users: UsersRead;
  }) => Promise<void>,
): Promise<void> {
  const { openStore, reviewAppRepositories } = await import('../../../db/index.ts');
  const { UserWrites } = await import('../../../db/review-app/user-writes.ts');
  const store = openStore(dbFile, { mustExist: !create });
  try {
    await fn({ writes: new UserWrites(store), users: reviewAppRepositories(store).users });
  } finally {
    store.close();
  }
}

async function readNewPassword(options: PasswordOptions): Promise<string> {
  const { passwordProblem } = await import('../../server/auth/password.ts');
  let password: string;
  if (options.passwordStdin) {
    password = firstLine(await readStdin());
  } else if (process.stdin.isTTY) {
    password = await promptHidden('Password: ');
    if ((await promptHidden('Password again: ')) !== password) throw new UserError('The passwords differ.');
  } else {
    throw new UserError(
      'No terminal to ask for the password: pass it on standard input with --password-stdin.',
    );
  }
  const problem = passwordProblem(password);
  if (problem) throw new UserError(`Password refused: ${problem}.`);
  return password;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? '';
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') return finish(new UserError('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
