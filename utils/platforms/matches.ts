import { PLATFORM_IDS, PLATFORMS } from './catalog';

/** Every match pattern of every platform, in catalog order (manifest host permissions, content script). */
export const PLATFORM_MATCHES: string[] = PLATFORM_IDS.flatMap((id) => PLATFORMS[id].matches);
