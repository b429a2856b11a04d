// X (Draft.js): compose, reply, Ctrl+Enter.
import { composeSpec } from './lib/compose.mjs';

composeSpec({
  id: 'x',
  editor: '[data-testid="tweetTextarea_0"]',
  submit: '[data-testid="tweetButtonInline"]',
  key: 'Control+Enter',
  keyEditor: '[data-testid="tweetTextarea_0"]',
  spa: { open: '[data-testid="reply"]', editor: '[data-testid="tweetTextarea_1"]' },
});
