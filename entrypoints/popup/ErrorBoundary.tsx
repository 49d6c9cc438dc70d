/**
 * The popup's last resort: an error thrown while rendering (or in an effect) shows a clear message
 * with its details instead of a blank popup. Stored data is checked where it is read
 * (utils/storage/integrity.ts), so this should never show; when it does, the user can say what broke.
 */
import { Component, type ComponentChildren } from 'preact';
import { STRINGS, browserLanguage } from '@/components/i18n';

interface State {
  error: string | null;
}

export class PopupErrorBoundary extends Component<{ children: ComponentChildren }, State> {
  override state: State = { error: null };

  static override getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }

  override componentDidCatch(error: unknown): void {
    console.error('[properso] the popup failed to render', error);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    const strings = STRINGS[browserLanguage(navigator.languages)];
    return (
      <main>
        <h1>{strings.title}</h1>
        <p class="error" role="alert" data-crashed>
          {strings.crashed} <code>{this.state.error}</code>
        </p>
      </main>
    );
  }
}
