// Facebook (Lexical): the "Create post" composer, and a comment box that submits on Enter.
import { composeSpec } from './lib/compose.mjs';

composeSpec({
  id: 'facebook',
  editor: '[role="dialog"] [data-lexical-editor="true"]',
  submit: '[role="dialog"] [aria-label="Post"][role="button"]',
  key: 'Enter',
  keyEditor: '[aria-label="Write a comment…"]',
  spa: { open: '#open-comments', editor: '[aria-label="Write a comment…"]', before: true },
});
