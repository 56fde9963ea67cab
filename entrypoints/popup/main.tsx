/**
 * The toolbar popup: where Gloss's knowledge is served from, and the way into the source reader.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { READER_PAGE } from '../../lib/citation';
import { sendMessage } from '../../lib/messages';
import type { StoreStatus } from '../../lib/store/open';
import './popup.css';

function Popup() {
  const [status, setStatus] = useState<StoreStatus | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    sendMessage('storeStatus', undefined).then(setStatus, () => setFailed(true));
  }, []);
  return (
    <main class="popup">
      <h1>Gloss</h1>
      <p class="lede">Rest the pointer on an underlined term to see what it is and where that comes from.</p>
      <p class="status" role="status" data-mode={status?.mode ?? (failed ? 'error' : 'loading')}>
        {failed && 'Gloss’s background is not answering. Reload the extension and try again.'}
        {!failed && !status && 'Loading…'}
        {status?.mode === 'database' && 'Knowledge base ready.'}
        {status?.mode === 'memory' && `Working from built-in knowledge only. ${status.problem ?? ''}`}
      </p>
      <a class="reader" href={browser.runtime.getURL(READER_PAGE)} target="_blank" rel="noopener">
        Open the source reader
      </a>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
