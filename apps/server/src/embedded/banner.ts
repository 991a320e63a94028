/** What a newcomer needs after `pnpm start`: where to go, how to sign in, how to script it. */
export function printBanner(input: {
  appUrl: string;
  issuer: string;
  dataDir: string;
  seeded: boolean;
  users: { username: string; password: string; roles: string[] }[];
  service: { clientId: string; clientSecret: string };
  seconds: number;
}) {
  const lines = [
    '',
    `Dispatch is ready at ${input.appUrl}  (started in ${input.seconds.toFixed(1)} s)`,
    '',
    'Demo logins (local OpenID provider at ' + input.issuer + '):',
    ...input.users.map(
      (u) => `  ${u.username.padEnd(11)} password ${u.password}   role ${u.roles.join(', ')}`,
    ),
    '',
    'Service account for scripts (client-credentials grant, role admin):',
    `  issuer ${input.issuer}   client id ${input.service.clientId}   client secret ${input.service.clientSecret}`,
    '',
    `Data is kept in ${input.dataDir}${input.seeded ? ' (demo data seeded on this first start)' : ''}.`,
    'These credentials exist only on this machine. Press Ctrl+C to stop.',
    '',
  ];
  console.log(lines.join('\n'));
}
