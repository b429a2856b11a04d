// LinkedIn (Quill): the share box, Ctrl+Enter, and a comment box rendered on demand.
import { composeSpec } from './lib/compose.mjs';

composeSpec({
  id: 'linkedin',
  editor: '.share-creation-state__text-editor .ql-editor',
  submit: 'button.share-actions__primary-action',
  key: 'Control+Enter',
  keyEditor: '.share-creation-state__text-editor .ql-editor',
  spa: { open: '#open-comments', editor: '.comments-comment-box__form .ql-editor' },
});
