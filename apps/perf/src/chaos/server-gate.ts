/**
 * Open while the server is believed to be up. Clients wait here while it restarts, so the load
 * does not spin on refused connections; a request already in flight when the kill lands simply
 * gets no answer.
 */
export class ServerGate {
  private open = false;
  private waiters: (() => void)[] = [];

  up() {
    this.open = true;
    for (const wake of this.waiters.splice(0)) wake();
  }

  down() {
    this.open = false;
  }

  whenUp(): Promise<void> {
    return this.open ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
