const escape = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f1f3f5;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15);width:min(22rem,90vw)}
h1{font-size:1.25rem;margin:0 0 1rem}label{display:block;margin:.75rem 0 .25rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #adb5bd;border-radius:4px}
button{margin-top:1.25rem;width:100%;padding:.7rem;font-size:1rem;border:0;border-radius:4px;background:#1c7ed6;color:#fff;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid #ffa94d;outline-offset:2px}
.error{color:#c92a2a;margin:0 0 .5rem}.hint{color:#495057;font-size:.85rem;margin-top:1rem}
</style></head><body><main>${body}</main></body></html>`;

export function renderLoginPage(input: {
  /** The path the provider is mounted at ('' at the root). */
  mount: string;
  uid: string;
  error: string | null;
  username: string;
}) {
  return page(
    'Sign in to Dispatch',
    `<h1>Sign in to Dispatch</h1>
${input.error ? `<p class="error" role="alert">${escape(input.error)}</p>` : ''}
<form method="post" action="${escape(input.mount)}/interaction/${escape(input.uid)}/login" autocomplete="off">
<label for="username">User name</label><input id="username" name="username" required value="${escape(input.username)}" autofocus>
<label for="password">Password</label><input id="password" name="password" type="password" required>
<button type="submit">Sign in</button>
</form>
<p class="hint">Local development sign-in. The demo logins are printed by <code>pnpm start</code>.</p>`,
  );
}

export function renderLogoutPage(form: string) {
  return page(
    'Sign out',
    `<h1>Signing you out…</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`,
  );
}
