import './zod-config.ts';
import '@utrecht/design-tokens/dist/theme.css';
import '@utrecht/root-css/dist/index.css';
import '@utrecht/document-css/dist/index.css';
import '@utrecht/page-css/dist/index.css';
import '@utrecht/paragraph-css/dist/index.css';
import '@utrecht/alert-css/dist/index.css';
import '@utrecht/textarea-css/dist/index.css';
import '@utrecht/button-group-css/dist/index.css';
import '@utrecht/unordered-list-css/dist/index.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
}
