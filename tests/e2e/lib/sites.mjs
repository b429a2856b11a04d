// The sites as Primum's tests see them: real origins, and each site's Content-Security-Policy
// header (abridged: long third-party host lists shortened, every directive that constrains an
// extension kept — none of them allows 'wasm-unsafe-eval', so wasm cannot compile in the page's
// content script).
export const SITES = {
  x: {
    origin: 'https://x.com',
    composePath: '/compose/post',
    fixture: 'x',
    csp: [
      "default-src 'self'",
      "connect-src 'self' blob: https://api.x.com https://*.twimg.com https://api.twitter.com https://x.com https://*.x.com wss://*.x.com",
      "form-action 'self' https://twitter.com https://*.twitter.com https://x.com https://*.x.com",
      "font-src 'self' https://*.twimg.com",
      "frame-src 'self' https://twitter.com https://x.com https://mobile.x.com",
      "img-src 'self' blob: data: https://*.cdn.twitter.com https://ton.twitter.com https://*.twimg.com",
      "manifest-src 'self'",
      "media-src 'self' blob: https://twitter.com https://x.com https://*.twimg.com",
      "object-src 'none'",
      "script-src 'self' 'unsafe-inline' https://*.twimg.com https://twitter.com https://x.com 'nonce-cHJpbXVtLWZpeHR1cmU='",
      "style-src 'self' 'unsafe-inline' https://*.twimg.com",
      "worker-src 'self' blob:",
    ].join('; '),
  },
  facebook: {
    origin: 'https://www.facebook.com',
    composePath: '/',
    fixture: 'facebook',
    csp: [
      "default-src data: blob: 'self' https://*.fbsbx.com 'unsafe-inline' *.facebook.com *.fbcdn.net",
      "script-src *.facebook.com *.fbcdn.net *.facebook.net 'unsafe-inline' blob: data: 'self' connect.facebook.net",
      "style-src *.fbcdn.net data: *.facebook.com 'unsafe-inline'",
      "connect-src *.facebook.com facebook.com *.fbcdn.net *.facebook.net wss://*.facebook.com:* blob: 'self'",
      "font-src data: *.facebook.com *.fbcdn.net *.fbsbx.com",
      "img-src *.fbcdn.net *.facebook.com data: https://*.fbsbx.com facebook.com blob:",
      "media-src *.cdninstagram.com blob: *.fbcdn.net *.fbsbx.com www.facebook.com *.facebook.com data:",
      "frame-src *.facebook.com *.fbsbx.com fbsbx.com data: www.instagram.com *.fbcdn.net",
      "worker-src blob: *.facebook.com data:",
      'block-all-mixed-content',
      'upgrade-insecure-requests',
    ].join(';'),
  },
  linkedin: {
    origin: 'https://www.linkedin.com',
    composePath: '/feed/',
    fixture: 'linkedin',
    csp: [
      'default-src *',
      "connect-src 'self' *.licdn.com *.linkedin.com wss://*.linkedin.com",
      'img-src data: blob: *',
      'font-src data: *',
      "style-src 'unsafe-inline' 'self' static-src.linkedin.com *.licdn.com",
      "script-src 'report-sample' 'unsafe-inline' 'self' spdy.linkedin.com static-src.linkedin.com *.licdn.com",
      "object-src 'none'",
      'media-src blob: *',
      'child-src blob: *',
      "frame-ancestors 'self'",
    ].join('; '),
  },
};

/** Each fixture's main compose box and its Post control, as the tests address them. */
export const COMPOSE = {
  x: { editor: '[data-testid="tweetTextarea_0"]', submit: '[data-testid="tweetButtonInline"]' },
  facebook: { editor: '[role="dialog"] [data-lexical-editor="true"]', submit: '[role="dialog"] [role="button"][aria-label="Post"]' },
  linkedin: { editor: '.share-creation-state__text-editor .ql-editor', submit: 'button.share-actions__primary-action' },
};
