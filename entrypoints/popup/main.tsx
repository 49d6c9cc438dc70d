import './uncaught';
import { render } from 'preact';
import { App } from './App';
import { PopupErrorBoundary } from './ErrorBoundary';
import './style.css';

render(
  <PopupErrorBoundary>
    <App />
  </PopupErrorBoundary>,
  document.getElementById('app') as HTMLElement,
);
