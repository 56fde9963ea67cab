/** The outcome of an action on the options page: announced politely, or as an alert when refused. */
import type { ComponentChildren } from 'preact';

export function Outcome({ refused, children }: { refused: boolean; children: ComponentChildren }) {
  return (
    <p class={refused ? 'message error' : 'message'} role={refused ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
