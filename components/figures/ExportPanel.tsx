/**
 * Research export: the background builds the file (it holds the posts and the pseudonymisation key)
 * and sends its bytes; the popup makes a blob URL and downloads it with an <a download> link (no
 * `downloads` permission). The link stays on screen to download again.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging';
import type { ExportFormat } from '@/utils/summary/messages';
import type { UiLanguage } from '@/utils/storage/settings';
import { formatCount } from '../i18n';
import { fillIn, type FigureStrings } from './strings';

interface Props {
  strings: FigureStrings;
  language: UiLanguage;
  /** Whether exports include post text (from the preferences). */
  includeText: boolean | null;
  onOpenSettings(): void;
}

interface Ready {
  url: string;
  fileName: string;
  posts: number;
  format: ExportFormat;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function ExportPanel({ strings, language, includeText, onOpenSettings }: Props) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [ready, setReady] = useState<Ready | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => ready && URL.revokeObjectURL(ready.url), [ready]);

  const run = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const reply = await sendMessage({ to: 'background', type: 'exportData', format });
      // A large file comes in parts (one message may not exceed 64 MiB in Chrome): ask for the rest.
      const parts = [bytesOf(reply.base64)];
      for (let index = 1; index < reply.parts && reply.exportId; index++) {
        parts.push(bytesOf((await sendMessage({ to: 'background', type: 'exportPart', exportId: reply.exportId, index })).base64));
      }
      const url = URL.createObjectURL(new Blob(parts, { type: reply.mimeType }));
      setReady({ url, fileName: reply.fileName, posts: reply.posts, format });
      // Download at once; the link stays for another try.
      const a = document.createElement('a');
      a.href = url;
      a.download = reply.fileName;
      a.click();
    } catch (reason) {
      setError(String(reason));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="export">
      <p class="help">{strings.exportHelp}</p>
      <p class="buttons">
        <button type="button" data-export="datapackage" disabled={busy !== null} onClick={() => void run('datapackage')}>
          {strings.exportZip}
        </button>
        <button type="button" data-export="ndjson" disabled={busy !== null} onClick={() => void run('ndjson')}>
          {strings.exportNdjson}
        </button>
      </p>
      {includeText !== null && (
        <p class="muted">
          {includeText ? strings.exportText : strings.exportNoText}{' '}
          <button type="button" class="link" onClick={onOpenSettings}>
            {strings.settings}
          </button>
        </p>
      )}
      <p aria-live="polite">
        {busy && <span>{strings.exporting}</span>}
        {ready && !busy && (
          <a href={ready.url} download={ready.fileName} data-export-link={ready.format}>
            {fillIn(strings.exportReady, { file: ready.fileName, posts: formatCount(ready.posts, language) })}
          </a>
        )}
      </p>
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}
