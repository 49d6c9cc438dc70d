/**
 * Per platform, how many of the posts found on its pages were read ("read 12 of 15 found"), and a
 * warning when the latest page with posts read under 80 % of them: the site may have changed its
 * markup (utils/storage/pageHealth.ts). Polls the background while the popup is open.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging';
import { PLATFORMS } from '@/utils/platforms/catalog';
import type { PlatformHealth as Health } from '@/utils/storage/pageHealth';
import type { UiLanguage } from '@/utils/storage/settings';
import { fill, formatCount, type Strings } from './i18n';

const REFRESH_MS = 1500;

interface Props {
  strings: Strings;
  language: UiLanguage;
  /** Given in tests; otherwise asked of the background. */
  platforms?: Health[];
}

export function PlatformHealth({ strings, language, platforms: given }: Props) {
  const [fetched, setFetched] = useState<Health[]>([]);
  useEffect(() => {
    if (given) return;
    let live = true;
    const refresh = () =>
      sendMessage({ to: 'background', type: 'getHealth' }).then(
        ({ platforms }) => live && setFetched(platforms),
        () => undefined, // the counts above already say when the background is unreachable
      );
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [given]);
  const platforms = given ?? fetched;
  if (platforms.length === 0) return null;
  const n = (value: number) => formatCount(value, language);
  return (
    <section class="health" aria-label={strings.health}>
      <ul>
        {platforms.map((p) => (
          <li key={p.platform} data-platform={p.platform} data-warning={p.warning ? '' : undefined}>
            <span class="platform">{PLATFORMS[p.platform].label}</span>{' '}
            <span class="ratio">{fill(strings.healthRead, { read: n(p.read), found: n(p.found) })}</span>
            {p.warning && (
              <p class="warning" role="status">
                {fill(strings.healthWarning, { platform: PLATFORMS[p.platform].label })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
