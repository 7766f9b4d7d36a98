import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient, type WorkbenchClient } from './api/client';
import { ClientContext } from './api/ClientContext';
import './i18n';
import { applyRememberedPreferences } from './preferences/applyPreferences';
import './styles.css';

applyRememberedPreferences();
const root = createRoot(document.getElementById('root')!);
let client: WorkbenchClient | null = null;
let startupError: string | null = null;
try {
  client = createClient();
} catch (error) {
  startupError = (error as Error).message;
}

root.render(
  <StrictMode>
    {client ? (
      <ClientContext.Provider value={client}>
        <App />
      </ClientContext.Provider>
    ) : (
      <main className="startup-error" role="alert">
        <h1>Customer Energy Workbench</h1>
        <p>{startupError}</p>
      </main>
    )}
  </StrictMode>,
);
