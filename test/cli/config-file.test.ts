import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type AuditCliOptions, addAuditOptions } from '../../src/cli/commands/audit.ts';
import { useConfigFile } from '../../src/cli/config/apply-config.ts';
import { loadConfigFile } from '../../src/cli/config/load-config.ts';
import { tempWorkdir } from '../helpers/run-cli.ts';

const work = tempWorkdir('pa-config-');
afterAll(() => work.cleanup());

function writeConfig(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('finding and reading the config file', () => {
  it('finds portal-audit.config.yaml in a folder above and reads paths relative to it', async () => {
    const root = work.path('found');
    const file = writeConfig(
      root,
      'portal-audit.config.yaml',
      'maxPages: 12\nout: reports/city\ndb: ../audit.db\n',
    );
    const nested = join(root, 'a', 'b');
    mkdirSync(nested, { recursive: true });
    const loaded = await loadConfigFile(undefined, nested);
    expect(loaded?.file).toBe(file);
    expect(loaded?.settings).toEqual({
      maxPages: 12,
      out: join(root, 'reports', 'city'),
      db: join(work.dir, 'audit.db'),
    });
  });

  it('reads JSON too, and finds nothing where there is no file', async () => {
    const dir = work.path('json');
    writeConfig(dir, 'portal-audit.config.json', '{ "render": "none", "failUnder": 0.5 }');
    expect((await loadConfigFile(undefined, dir))?.settings).toEqual({ render: 'none', failUnder: 0.5 });
    const empty = work.path('none');
    mkdirSync(empty, { recursive: true });
    expect(await loadConfigFile(undefined, empty)).toBeNull();
  });

  it('names the file and the key of a bad value', async () => {
    const file = writeConfig(work.path('bad-value'), 'portal-audit.config.yaml', 'maxPages: 0\n');
    await expect(loadConfigFile(file)).rejects.toThrow(`${file}: maxPages: must be 1 or more`);
    const render = writeConfig(work.path('bad-render'), 'portal-audit.config.json', '{"render":"sometimes"}');
    await expect(loadConfigFile(render)).rejects.toThrow(
      `${render}: render: must be one of: auto, all, none`,
    );
    const nested = writeConfig(work.path('bad-nested'), 'c.yaml', 'catalogs:\n  region: x\n');
    await expect(loadConfigFile(nested)).rejects.toThrow(`${nested}: catalogs: unknown key "region"`);
  });

  it('names an unknown key and lists the known ones', async () => {
    const file = writeConfig(work.path('unknown'), 'portal-audit.config.yaml', 'max-pages: 5\n');
    await expect(loadConfigFile(file)).rejects.toThrow(
      /portal-audit\.config\.yaml: unknown key "max-pages" \(known keys: contact, level, catalogs, maxPages/,
    );
  });

  it('names the file on a syntax error, and a missing file given by name', async () => {
    const dir = work.path('syntax');
    const file = writeConfig(dir, 'portal-audit.config.yaml', 'maxPages: [12\n');
    await expect(loadConfigFile(undefined, dir)).rejects.toThrow(`${file}: not valid YAML:`);
    await expect(loadConfigFile(join(dir, 'nope.yaml'))).rejects.toThrow(
      `config file ${join(dir, 'nope.yaml')} not found`,
    );
  });
});

describe('precedence: flags > environment > config file > defaults', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  /** The real audit options and config wiring, with an action that only keeps the options it is given. */
  async function parseAudit(args: string[]): Promise<AuditCliOptions> {
    let seen: AuditCliOptions | undefined;
    const program = new Command('portal-audit').exitOverride();
    addAuditOptions(program.command('audit').argument('<url>')).action((_url: string, o: AuditCliOptions) => {
      seen = o;
    });
    useConfigFile(program, ['audit']);
    await program.parseAsync(['node', 'portal-audit', 'audit', 'https://city.example/', ...args]);
    return seen!;
  }

  it('takes each setting from the first place that has it', async () => {
    const file = writeConfig(
      work.path('precedence'),
      'portal-audit.config.yaml',
      [
        'contact: https://city.example/webmaster',
        'maxPages: 5',
        'maxDepth: 2',
        'render: none',
        'failUnder: 0.4',
        'catalogs:',
        '  city: losi-2024',
      ].join('\n'),
    );
    process.env.PORTAL_AUDIT_CONFIG = file;
    process.env.PORTAL_AUDIT_MAX_DEPTH = '3';
    process.env.PORTAL_AUDIT_RENDER = 'all';
    const o = await parseAudit(['--render', 'auto']);
    expect(o.render).toBe('auto'); // flag over environment and file
    expect(o.maxDepth).toBe(3); // environment over file
    expect(o.maxPages).toBe(5); // file over default
    expect(o.failUnder).toBe(0.4);
    expect(o.contact).toBe('https://city.example/webmaster');
    expect(o.catalog).toBe('losi-2024');
    expect(o.pageTimeout).toBe(30); // default
  });

  it('checks environment values like flags', async () => {
    process.env.PORTAL_AUDIT_MAX_PAGES = 'many';
    await expect(parseAudit([])).rejects.toThrow(
      'PORTAL_AUDIT_MAX_PAGES=many: --max-pages must be a positive',
    );
  });

  it('refuses an unknown catalog in the file, naming the file and key', async () => {
    const file = writeConfig(
      work.path('catalog'),
      'portal-audit.config.json',
      '{"catalogs":{"city":"losi-1999"}}',
    );
    await expect(parseAudit(['--config', file])).rejects.toThrow(
      `${file}: catalogs.city: Unknown catalog "losi-1999"`,
    );
  });
});
