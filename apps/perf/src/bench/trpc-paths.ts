import superjson from 'superjson';

/** The path of a tRPC query with its input, as our clients send it (superjson, URL-encoded). */
export function queryPath(procedure: string, input: unknown): string {
  return `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
}

/** The JSON body of a tRPC mutation. */
export function mutationBody(input: unknown): string {
  return JSON.stringify(superjson.serialize(input));
}
