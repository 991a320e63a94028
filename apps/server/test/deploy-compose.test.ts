import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SERVICE_CLIENT_ID, WEB_CLIENT_ID } from '../src/auth/client-ids';

/*
 * The production deployment as files: docker-compose.yml, the certificate and secret generators,
 * PostgreSQL's client authentication and the nginx templates, read as files: no Docker engine is
 * needed here (deploy/ci/stack.sh builds and runs the stack on one); `docker-compose config` runs
 * when a Compose binary is installed.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const SERVICES = ['nginx', 'app', 'keycloak', 'postgres'] as const;
const SECRET_NAMES = [
  'postgres_password',
  'dispatch_db_password',
  'keycloak_db_password',
  'oidc_client_secret',
  'scripts_client_secret',
  'keycloak_admin_password',
  'database_url',
];
/** Environment names that would carry a credential unless they end in _FILE. */
const SECRET_LIKE_NAME =
  /PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE|CREDENTIAL|(^|_)KEY($|_)|DATABASE_URL/;

interface TVolume {
  type?: string;
  source?: string;
  target?: string;
  read_only?: boolean;
}
interface TService {
  image?: string;
  build?: { context: string; dockerfile: string };
  restart?: string;
  healthcheck?: { test?: string[] | string; interval?: string; start_period?: string };
  depends_on?: Record<string, { condition?: string }> | string[];
  environment?: Record<string, string | number | boolean | null>;
  secrets?: (string | { source: string; target?: string })[];
  volumes?: (string | TVolume)[];
  networks?: string[] | Record<string, { aliases?: string[] } | null>;
  network_mode?: string;
  extra_hosts?: string[];
  read_only?: boolean;
  cap_drop?: string[];
  cap_add?: string[];
  security_opt?: string[];
  mem_limit?: string;
  ports?: string[];
  entrypoint?: string[];
  command?: string[];
}
interface TCompose {
  services: Record<string, TService>;
  secrets: Record<string, { file?: string; environment?: string }>;
  networks?: Record<string, { internal?: boolean } | null>;
}

const composeText = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as TCompose;
const service = (name: string): TService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};

/** .env.example as a map: the values Compose interpolates. */
const envExample = Object.fromEntries(
  readFileSync(join(ROOT, '.env.example'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_][A-Z0-9_]*=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);
/** Compose's `${VAR}`, `${VAR:-default}` and `${VAR:?message}`, with .env.example's values. */
function interpolate(value: string, vars: Record<string, string> = envExample): string {
  return value.replace(
    /\$\{([A-Z_][A-Z0-9_]*)(?::?([-?])([^}]*))?\}/g,
    (_m, name: string, op?: string, word?: string) => {
      const set = vars[name];
      if (set !== undefined && set !== '') return set;
      if (op === '-') return word ?? '';
      throw new Error(`${name} is not set`);
    },
  );
}
const env = (name: string) =>
  Object.fromEntries(
    Object.entries(service(name).environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]),
  );

function volumes(name: string): TVolume[] {
  return (service(name).volumes ?? []).map((v) => {
    if (typeof v !== 'string') return v;
    const [source, target, mode] = v.split(':');
    return { type: 'bind', source, target, read_only: mode === 'ro' };
  });
}
const secretNames = (name: string) =>
  (service(name).secrets ?? []).map((s) => (typeof s === 'string' ? s : s.source));

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const hashes = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, sha256(join(dir, f))]));
const mode = (file: string) => statSync(file).mode & 0o777;
const openssl = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8' });

let work: string;
let certs: string;
let secrets: string;
let certsFirstRun: Record<string, string>;
let secretsFirstRun: Record<string, string>;
const PUBLIC_HOST = 'dispatch.example.com';

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dispatch-deploy-'));
  certs = join(work, 'certs');
  secrets = join(work, 'secrets');
  execFileSync('bash', [join(ROOT, 'certs', 'generate.sh'), certs], {
    env: { ...process.env, PUBLIC_HOST },
    stdio: 'pipe',
  });
  certsFirstRun = hashes(certs);
  execFileSync('bash', [join(ROOT, 'secrets', 'generate.sh'), secrets], { stdio: 'pipe' });
  secretsFirstRun = hashes(secrets);
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('docker-compose.yml', () => {
  it('has exactly nginx, app, keycloak and postgres', () => {
    expect(Object.keys(compose.services).sort()).toEqual([...SERVICES].sort());
  });

  it.each(SERVICES)('%s: a health check and a restart policy', (name) => {
    const s = service(name);
    expect(s.restart).toBe('unless-stopped');
    const test = s.healthcheck?.test;
    expect(Array.isArray(test) ? test[0] : test).toMatch(/^CMD/);
    expect(Array.isArray(test) ? test.length : 0).toBeGreaterThan(1);
    expect(s.healthcheck?.interval).toBeTruthy();
    expect(s.healthcheck?.start_period).toBeTruthy();
  });

  it('starts in order: postgres, keycloak, nginx, app', () => {
    const conditions = (name: string) => {
      const deps = service(name).depends_on ?? {};
      expect(Array.isArray(deps), `${name}: depends_on needs conditions`).toBe(false);
      return Object.fromEntries(
        Object.entries(deps as Record<string, { condition?: string }>).map(([k, v]) => [
          k,
          v.condition,
        ]),
      );
    };
    expect(conditions('app')).toEqual({
      postgres: 'service_healthy',
      keycloak: 'service_healthy',
      // nginx is healthy only once the app answers through it; the app needs it started, for
      // the issuer URL.
      nginx: 'service_started',
    });
    expect(conditions('keycloak')).toEqual({ postgres: 'service_healthy' });
    expect(conditions('nginx')).toEqual({ keycloak: 'service_healthy' });
    expect(conditions('postgres')).toEqual({});
  });

  it('pins every image to a version, and tags our own builds with DISPATCH_VERSION', () => {
    for (const name of SERVICES) {
      const image = service(name).image ?? '';
      const resolved = interpolate(image);
      const tag = /:([^:/@\s]+)$/.exec(resolved)?.[1];
      expect(tag, `${name}: ${image}`).toBeTruthy();
      expect(tag, name).not.toBe('latest');
      if (service(name).build) {
        expect(image, name).toMatch(/^dispatch-[a-z]+:\$\{DISPATCH_VERSION(:-[0-9.]+)?\}$/);
        expect(interpolate(image)).toBe(`dispatch-${name}:${envExample.DISPATCH_VERSION}`);
      } else {
        expect(image, name).toMatch(/:\d+(\.\d+)+(-[a-z0-9]+)?$/);
      }
    }
  });

  it('pins the base images of our Dockerfiles too', () => {
    for (const name of ['app', 'nginx', 'keycloak', 'postgres']) {
      const file = join(ROOT, 'deploy', `${name}.Dockerfile`);
      expect(service(name).build?.dockerfile).toBe(`deploy/${name}.Dockerfile`);
      const text = readFileSync(file, 'utf8');
      const args = Object.fromEntries(
        [...text.matchAll(/^ARG ([A-Z_]+)=(\S+)$/gm)].map((m) => [m[1], m[2]]),
      );
      const bases = [...text.matchAll(/^FROM (\S+)/gm)].map((m) =>
        (m[1] ?? '').replace(/^\$\{([A-Z_]+)\}$/, (_x, arg: string) => args[arg] ?? '?'),
      );
      const stages = [...text.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
      expect(bases.length, name).toBeGreaterThan(0);
      for (const base of bases) {
        expect(base, `${name}: ${base}`).toMatch(/:\d+(\.\d+)+[^:]*$/);
        expect(base).not.toMatch(/latest/);
        expect(stages).not.toContain(base);
      }
    }
  });

  it('keeps every secret in a file under ./secrets, one per name secrets/generate.sh writes', () => {
    expect(Object.keys(compose.secrets).sort()).toEqual([...SECRET_NAMES].sort());
    for (const [name, secret] of Object.entries(compose.secrets)) {
      expect(secret).toEqual({ file: `./secrets/${name}` });
    }
    expect(readdirSync(secrets).sort()).toEqual([...SECRET_NAMES].sort());
  });

  it('contains none of the values of a freshly generated secrets folder', () => {
    const values = readdirSync(secrets).map((f) => readFileSync(join(secrets, f), 'utf8').trim());
    expect(values).toHaveLength(SECRET_NAMES.length);
    const envExampleText = readFileSync(join(ROOT, '.env.example'), 'utf8');
    for (const value of values) {
      expect(composeText).not.toContain(value);
      expect(envExampleText).not.toContain(value);
      // Not even the password part of the database URL.
      for (const part of value.split(/[:/@]/).filter((p) => p.length >= 20)) {
        expect(composeText).not.toContain(part);
      }
    }
  });

  it.each(SERVICES)(
    '%s: no secret in the environment, only *_FILE paths to mounted secrets',
    (name) => {
      const vars = env(name);
      for (const [key, value] of Object.entries(vars)) {
        if (SECRET_LIKE_NAME.test(key)) expect(key, `${name}: ${key}`).toMatch(/_FILE$/);
        // No credentials in URLs either (user:password@).
        expect(value, `${name}: ${key}`).not.toMatch(/:\/\/[^/\s:@]+:[^/\s@]+@/);
        // A *_FILE under /run/secrets is a secret this service mounts.
        const mounted = /^\/run\/secrets\/(.+)$/.exec(value);
        if (key.endsWith('_FILE') && mounted) {
          expect(secretNames(name), `${name}: ${key}`).toContain(mounted[1]);
        }
      }
    },
  );

  it('gives each service only the secrets it needs', () => {
    expect(secretNames('nginx')).toEqual([]);
    expect(secretNames('app').sort()).toEqual(['database_url', 'oidc_client_secret']);
    expect(secretNames('keycloak').sort()).toEqual([
      'keycloak_admin_password',
      'keycloak_db_password',
      'oidc_client_secret',
      'scripts_client_secret',
    ]);
    expect(secretNames('postgres').sort()).toEqual([
      'dispatch_db_password',
      'keycloak_db_password',
      'postgres_password',
    ]);
  });

  it('mounts certificates and keys read-only, one file at a time, never the CA key', () => {
    for (const name of SERVICES) {
      const certMounts = volumes(name).filter((v) => v.source?.startsWith('./certs'));
      expect(certMounts.length, name).toBeGreaterThanOrEqual(3);
      for (const v of certMounts) {
        expect(v.read_only, `${name}: ${v.source}`).toBe(true);
        expect(v.source, name).toMatch(/^\.\/certs\/[a-z]+\.(crt|key)$/);
        expect(v.source).not.toBe('./certs/ca.key');
      }
      const own = certMounts.map((v) => v.source);
      expect(own, name).toEqual(
        expect.arrayContaining([`./certs/${name}.crt`, `./certs/${name}.key`, './certs/ca.crt']),
      );
      // Configuration and scripts from the repository are read-only as well.
      for (const v of volumes(name).filter((x) => x.source?.startsWith('./'))) {
        expect(v.read_only, `${name}: ${v.source}`).toBe(true);
      }
    }
  });

  it('app: production settings, TLS to PostgreSQL verified against our CA, secrets as files', () => {
    const app = env('app');
    expect(app).toMatchObject({
      NODE_ENV: 'production',
      DATABASE_SSL_MODE: 'verify-full',
      DATABASE_SSL_CA_FILE: '/certs/ca.crt',
      DATABASE_URL_FILE: '/run/secrets/database_url',
      OIDC_CLIENT_SECRET_FILE: '/run/secrets/oidc_client_secret',
      OIDC_CLIENT_ID: WEB_CLIENT_ID,
      OIDC_BEARER_CLIENTS: SERVICE_CLIENT_ID,
      TLS_CERT_FILE: '/certs/app.crt',
      TLS_KEY_FILE: '/certs/app.key',
      NODE_EXTRA_CA_CERTS: '/certs/ca.crt',
      TRUST_PROXY: 'true',
      MIGRATE_ON_START: 'true',
    });
    expect(app).not.toHaveProperty('OIDC_ALLOW_INSECURE_HTTP');
    expect(app).not.toHaveProperty('DATABASE_URL');
    expect(app).not.toHaveProperty('OIDC_CLIENT_SECRET');
    expect(service('app').ports ?? []).toEqual([]);
    expect(service('postgres').ports ?? []).toEqual([]);
    expect(service('keycloak').ports ?? []).toEqual([]);
  });

  it('one issuer URL for the browser and the app: the public URL, Keycloak under /idp', () => {
    const publicUrl = envExample.PUBLIC_URL ?? '';
    const publicHost = envExample.PUBLIC_HOST ?? '';
    expect(new URL(publicUrl).hostname).toBe(publicHost);
    expect(env('app').PUBLIC_URL).toBe(publicUrl);
    expect(env('app').OIDC_ISSUER).toBe(`${publicUrl}/idp/realms/dispatch`);
    expect(env('keycloak').KC_HOSTNAME).toBe(`${publicUrl}/idp`);
    expect(env('keycloak').DISPATCH_PUBLIC_URL).toBe(publicUrl);
    expect(env('nginx').DISPATCH_SERVER_NAME).toBe(publicHost);
    // The app reaches the public name through nginx on this host, which proxies /idp to Keycloak.
    expect(service('app').extra_hosts?.map((h) => interpolate(h))).toContain(
      `${publicHost}:127.0.0.1`,
    );
    expect(env('keycloak').KC_HTTPS_PORT).toBe(envExample.KEYCLOAK_PORT);
    expect(env('nginx').DISPATCH_HTTPS_PORT).toBe(envExample.HTTPS_PORT);
    expect(env('nginx').DISPATCH_KEYCLOAK_UPSTREAM).toBe(`keycloak:${envExample.KEYCLOAK_PORT}`);
    expect(env('nginx').DISPATCH_APP_UPSTREAM).toBe(`app:${envExample.APP_PORT}`);
    // Keycloak and the app share the dispatch-web client secret.
    expect(env('keycloak').DISPATCH_WEB_CLIENT_SECRET_FILE).toBe(
      env('app').OIDC_CLIENT_SECRET_FILE,
    );
  });

  it('keycloak: PostgreSQL over verified TLS, its password from a file', () => {
    const kc = env('keycloak');
    const url = kc.KC_DB_URL ?? '';
    expect(url).toMatch(
      new RegExp(`^jdbc:postgresql://postgres:${envExample.DB_PORT}/keycloak\\?`),
    );
    expect(new URLSearchParams(url.split('?')[1])).toEqual(
      new URLSearchParams({ sslmode: 'verify-full', sslrootcert: '/certs/ca.crt' }),
    );
    expect(kc.KEYCLOAK_DB_PASSWORD_FILE).toBe('/run/secrets/keycloak_db_password');
    expect(kc).not.toHaveProperty('KC_DB_PASSWORD');
    expect(kc).not.toHaveProperty('KC_BOOTSTRAP_ADMIN_PASSWORD');
    expect(kc.KC_HTTP_ENABLED).toBe('false');
  });

  it.each(SERVICES)(
    '%s: the host network, service names on loopback, no Docker network',
    (name) => {
      const s = service(name);
      expect(s.network_mode).toBe('host');
      expect(s.networks).toBeUndefined();
      expect(s.ports).toBeUndefined();
      expect(s.extra_hosts).toEqual(
        expect.arrayContaining(['app:127.0.0.1', 'keycloak:127.0.0.1', 'postgres:127.0.0.1']),
      );
    },
  );

  it('only nginx listens beyond loopback', () => {
    expect(compose.networks).toBeUndefined();
    expect(env('app').HOST).toBe('127.0.0.1');
    expect(env('keycloak').KC_HTTP_HOST).toBe('127.0.0.1');
    const pgConf = readFileSync(join(ROOT, 'deploy', 'postgres', 'postgresql.conf'), 'utf8');
    expect(pgConf).toMatch(/^listen_addresses = '127\.0\.0\.1'/m);
  });

  it.each(SERVICES)(
    '%s: read-only, every capability dropped, no new privileges, a memory limit',
    (name) => {
      const s = service(name);
      expect(s.read_only).toBe(true);
      expect(s.cap_drop).toEqual(['ALL']);
      expect(s.security_opt).toContain('no-new-privileges:true');
      expect(s.mem_limit).toMatch(/^\d+[mg]$/);
      // What a service may add back: changing to its own user, and nginx its low ports.
      for (const cap of s.cap_add ?? []) {
        expect([
          'CHOWN',
          'DAC_OVERRIDE',
          'FOWNER',
          'SETGID',
          'SETUID',
          'NET_BIND_SERVICE',
        ]).toContain(cap);
      }
    },
  );

  it('memory limits fit a 4 GB host with room for the operating system', () => {
    const mib = (v: string) => Number.parseInt(v, 10) * (v.endsWith('g') ? 1024 : 1);
    const total = SERVICES.reduce((sum, name) => sum + mib(service(name).mem_limit ?? '0'), 0);
    expect(total).toBeLessThanOrEqual(3.5 * 1024);
    const heap = /-Xmx(\d+)m/.exec(env('keycloak').JAVA_OPTS_KC_HEAP ?? '')?.[1];
    expect(Number(heap)).toBeLessThan(mib(service('keycloak').mem_limit ?? '0') * 0.75);
  });
});

describe('deploy/postgres', () => {
  it('pg_hba.conf: TCP only with TLS and SCRAM, no plain `host` lines', () => {
    const lines = readFileSync(join(ROOT, 'deploy', 'postgres', 'pg_hba.conf'), 'utf8')
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean)
      .map((l) => l.split(/\s+/));
    expect(lines.length).toBeGreaterThan(1);
    for (const fields of lines) {
      expect(['local', 'hostssl']).toContain(fields[0]);
      if (fields[0] === 'hostssl') expect(fields.at(-1)).toBe('scram-sha-256');
      if (fields[0] === 'local') expect(fields.at(-1)).toBe('peer');
    }
    expect(lines.filter((f) => f[0] === 'hostssl').map((f) => `${f[1]}/${f[2]}`)).toEqual([
      'dispatch/dispatch',
      'keycloak/keycloak',
    ]);
  });

  it('postgresql.conf: TLS 1.2+ with our certificate, SCRAM passwords', () => {
    const conf = Object.fromEntries(
      readFileSync(join(ROOT, 'deploy', 'postgres', 'postgresql.conf'), 'utf8')
        .split('\n')
        .map((l) => l.replace(/#.*/, '').trim())
        .filter(Boolean)
        .map((l) => l.split(/\s*=\s*/) as [string, string])
        .map(([k, v]) => [k, v.replace(/^'(.*)'$/, '$1')]),
    );
    expect(conf).toMatchObject({
      ssl: 'on',
      ssl_cert_file: '/certs/postgres.crt',
      ssl_ca_file: '/certs/ca.crt',
      ssl_min_protocol_version: 'TLSv1.2',
      password_encryption: 'scram-sha-256',
      listen_addresses: '127.0.0.1',
      hba_file: '/etc/postgresql/dispatch/pg_hba.conf',
      shared_buffers: '256MB',
    });
    expect(conf.ssl_key_file).toMatch(/^\/run\/dispatch\//);
    expect(service('postgres').command?.map((a) => interpolate(a))).toEqual([
      'postgres',
      '-c',
      'config_file=/etc/postgresql/dispatch/postgresql.conf',
      '-c',
      `port=${envExample.DB_PORT}`,
    ]);
    // The image bakes the configuration in where the command points.
    const dockerfile = readFileSync(join(ROOT, 'deploy', 'postgres.Dockerfile'), 'utf8');
    expect(dockerfile).toContain(
      'COPY deploy/postgres/postgresql.conf deploy/postgres/pg_hba.conf /etc/postgresql/dispatch/',
    );
  });
});

describe('deploy/nginx templates', () => {
  const templates = join(ROOT, 'deploy', 'nginx', 'templates');
  const variables = (file: string) =>
    [...readFileSync(join(templates, file), 'utf8').matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)]
      .map((m) => m[1] ?? '')
      .filter((v, i, all) => all.indexOf(v) === i)
      .sort();

  it('dispatch.conf.template uses exactly the six documented DISPATCH_* variables', () => {
    expect(variables('dispatch.conf.template')).toEqual([
      'DISPATCH_APP_UPSTREAM',
      'DISPATCH_CERT_DIR',
      'DISPATCH_HTTPS_PORT',
      'DISPATCH_HTTP_PORT',
      'DISPATCH_SERVER_NAME',
      'DISPATCH_WEB_ROOT',
    ]);
    const text = readFileSync(join(templates, 'dispatch.conf.template'), 'utf8');
    const directives = text.replace(/#.*$/gm, '');
    expect(directives).not.toMatch(/^\s*(events|http)\s*\{/m);
    expect(directives).not.toMatch(/mime\.types/);
    expect(directives).toMatch(/proxy_ssl_verify on;/);
  });

  it('every template variable is set for the nginx container, and only DISPATCH_* are substituted', () => {
    const nginx = env('nginx');
    // Our entrypoint renders the templates (not the official image's): it hands envsubst the
    // DISPATCH_* names only.
    const dockerfile = readFileSync(join(ROOT, 'deploy', 'nginx.Dockerfile'), 'utf8');
    expect(dockerfile).toContain('ENTRYPOINT ["/usr/local/bin/dispatch-nginx-entrypoint"]');
    const entrypoint = readFileSync(join(ROOT, 'deploy', 'nginx', 'entrypoint.sh'), 'utf8');
    expect(entrypoint).toContain('envsubst "$variables"');
    expect(entrypoint).toContain('s/^\\(DISPATCH_[A-Z0-9_]*\\)=.*$/${\\1}/p');
    for (const file of readdirSync(templates)) {
      for (const name of variables(file)) {
        expect(name, `${file}: ${name}`).toMatch(/^DISPATCH_/);
        expect(nginx[name], `${file}: ${name}`).toBeTruthy();
      }
    }
  });
});

describe('certs/generate.sh', () => {
  it('writes the CA and a certificate and key for each service', () => {
    expect(Object.keys(certsFirstRun).sort()).toEqual(
      ['ca', ...SERVICES].flatMap((s) => [`${s}.crt`, `${s}.key`]).sort(),
    );
  });

  it('changes nothing when run again', () => {
    const out = execFileSync('bash', [join(ROOT, 'certs', 'generate.sh'), certs], {
      env: { ...process.env, PUBLIC_HOST },
      encoding: 'utf8',
    });
    expect(out).not.toMatch(/created/);
    expect(hashes(certs)).toEqual(certsFirstRun);
  });

  it('keys are 0600, certificates 0644', () => {
    for (const file of readdirSync(certs)) {
      expect(mode(join(certs, file)), file).toBe(file.endsWith('.key') ? 0o600 : 0o644);
    }
  });

  it('a private CA valid for 10 years', () => {
    const ca = openssl(
      'x509',
      '-in',
      join(certs, 'ca.crt'),
      '-noout',
      '-ext',
      'basicConstraints',
      '-enddate',
    );
    expect(ca).toMatch(/CA:TRUE/);
    const end = new Date(/notAfter=(.*)/.exec(ca)?.[1] ?? '').getTime();
    expect((end - Date.now()) / 86_400_000).toBeGreaterThan(3649);
  });

  it.each(SERVICES)(
    '%s.crt: signed by the CA, for its name, localhost and the public host',
    (name) => {
      const crt = join(certs, `${name}.crt`);
      expect(openssl('verify', '-CAfile', join(certs, 'ca.crt'), crt)).toMatch(/: OK/);
      const text = openssl(
        'x509',
        '-in',
        crt,
        '-noout',
        '-ext',
        'subjectAltName,extendedKeyUsage',
        '-enddate',
      );
      for (const san of [
        `DNS:${name}`,
        'DNS:localhost',
        'IP Address:127.0.0.1',
        `DNS:${PUBLIC_HOST}`,
      ]) {
        expect(text).toContain(san);
      }
      expect(text).toMatch(/TLS Web Server Authentication/);
      const days =
        (new Date(/notAfter=(.*)/.exec(text)?.[1] ?? '').getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(823);
      expect(days).toBeLessThanOrEqual(825);
      const key = openssl('pkey', '-in', join(certs, `${name}.key`), '-noout', '-text');
      expect(key).toMatch(/P-256|prime256v1/);
    },
  );
});

describe('secrets/generate.sh', () => {
  it('writes every secret 0600', () => {
    for (const name of SECRET_NAMES) expect(mode(join(secrets, name)), name).toBe(0o600);
  });

  it('never overwrites a secret', () => {
    execFileSync('bash', [join(ROOT, 'secrets', 'generate.sh'), secrets], { stdio: 'pipe' });
    expect(hashes(secrets)).toEqual(secretsFirstRun);
  });

  it('values are long, URL-safe and all different', () => {
    const values = SECRET_NAMES.filter((n) => n !== 'database_url').map((n) =>
      readFileSync(join(secrets, n), 'utf8'),
    );
    for (const value of values) expect(value).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(new Set(values).size).toBe(values.length);
  });

  it('database_url is the app role on the postgres service with its password, no sslmode', () => {
    const password = readFileSync(join(secrets, 'dispatch_db_password'), 'utf8');
    expect(readFileSync(join(secrets, 'database_url'), 'utf8')).toBe(
      `postgres://dispatch:${password}@postgres:5432/dispatch`,
    );
  });
});

/** Debian's docker-compose (v1) or the Compose plugin, whichever is installed, and its version. */
function findCompose(): { command: string[]; version: string } | undefined {
  for (const command of [['docker-compose'], ['docker', 'compose']]) {
    const [bin = '', ...rest] = command;
    const probe = spawnSync(bin, [...rest, 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return { command, version: probe.stdout.split('\n')[0] ?? '' };
  }
  return undefined;
}
const composeTool = findCompose();

describe('Compose itself', () => {
  it.skipIf(!composeTool)(
    composeTool
      ? `\`config -q\` accepts the file (${composeTool.version})`
      : '`config -q` accepts the file (skipped: neither docker-compose nor the docker compose plugin is installed)',
    () => {
      // A copy of the project with generated certificates and secrets, so every file it names exists.
      const project = join(work, 'project');
      mkdirSync(project);
      copyFileSync(join(ROOT, 'docker-compose.yml'), join(project, 'docker-compose.yml'));
      copyFileSync(join(ROOT, '.env.example'), join(project, '.env'));
      execFileSync('bash', [join(ROOT, 'certs', 'generate.sh'), join(project, 'certs')], {
        stdio: 'pipe',
      });
      execFileSync('bash', [join(ROOT, 'secrets', 'generate.sh'), join(project, 'secrets')], {
        stdio: 'pipe',
      });
      const [bin = '', ...rest] = composeTool?.command ?? [];
      const result = spawnSync(
        bin,
        [...rest, '-f', join(project, 'docker-compose.yml'), 'config', '-q'],
        { cwd: project, encoding: 'utf8' },
      );
      expect(result.stderr).not.toMatch(/error|invalid|unsupported/i);
      expect(result.status).toBe(0);
    },
  );
});
