/**
 * The first page after installing: a short passage to try hovering on, and where the rest of Gloss is.
 */
import type { ComponentChildren } from 'preact';

export function Welcome({ children }: { children: ComponentChildren }) {
  return (
    <section class="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to Gloss</h1>
      <p>
        Gloss underlines the people, parties, policies and places of China–Vietnam relations on the pages you read.
        Rest the pointer on an underlined term — try one in this passage:
      </p>
      <blockquote class="try">{children}</blockquote>
      <ul>
        <li>Every fact on a card is a quote from a source document; its citation opens the document at that passage.</li>
        <li>
          The <strong>Gloss button</strong> in the toolbar searches everything Gloss knows (accents and typos are fine), lists
          the terms on the page you are reading, and switches Gloss off for a site.
        </li>
        <li>
          Select text and press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>G</kbd>, or right-click and choose <em>Look up in Gloss</em>.
        </li>
      </ul>
      <p>
        <a href="#timeline">See the timeline</a> of the events the documents report, or open a document from the list.
      </p>
    </section>
  );
}
