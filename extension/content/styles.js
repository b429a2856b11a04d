// Styles for Primum's shadow roots: its own look, dark mode, reduced motion, visible focus.
export const OVERLAY_CSS = `
:host { all: initial; }
.line { position: fixed; height: 2px; pointer-events: none; border-radius: 1px; }
.line.critical { background: #c62828; height: 3px; }
.line.warning { background: #e08600; }
.line.info { background: #1e6fd9; opacity: .6; }
.badge { position: fixed; min-width: 22px; height: 22px; padding: 0 7px; border-radius: 11px; border: 2px solid #fff;
  font: 700 12px/18px system-ui, sans-serif; color: #fff; background: #2e7d32; cursor: pointer; pointer-events: auto;
  box-shadow: 0 1px 3px rgba(0,0,0,.35); }
.badge[data-verdict="caution"] { background: #8a5300; }
.badge[data-verdict="stop"] { background: #b71c1c; }
.badge[hidden], .card[hidden] { display: none; }
.badge:focus-visible, button:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.card { position: fixed; max-width: 360px; max-height: 60vh; overflow: auto; pointer-events: auto; z-index: 1;
  background: #fff; color: #1b1b1b; border: 1px solid #c7c7c7; border-radius: 8px; padding: 10px 12px;
  box-shadow: 0 6px 24px rgba(0,0,0,.25); font: 13px/1.45 system-ui, sans-serif; }
.card h2 { font-size: 13px; margin: 0 0 6px; }
.finding + .finding { border-top: 1px solid #e3e3e3; margin-top: 8px; padding-top: 8px; }
.sev { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .02em; }
.sev.critical { color: #b71c1c; } .sev.warning { color: #8a5300; } .sev.info { color: #1558b0; }
.msg { margin: 2px 0; font-weight: 600; }
.why, .guide { margin: 2px 0; color: #3d3d3d; }
.note { margin: 0 0 6px; font-size: 12px; color: #3d3d3d; }
.guide { font-size: 12px; }
.actions { display: flex; gap: 8px; margin-top: 6px; }
.actions button { font: inherit; padding: 3px 10px; border-radius: 4px; border: 1px solid #8a8a8a; background: #f4f4f4;
  color: inherit; cursor: pointer; }
.actions button.primary { background: #0b57d0; border-color: #0b57d0; color: #fff; }
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  .card { background: #202124; color: #e8eaed; border-color: #5f6368; }
  .why, .guide, .note { color: #c4c7c5; }
  .finding + .finding { border-top-color: #3c4043; }
  .actions button { background: #303134; border-color: #8e918f; }
  .sev.critical { color: #f28b82; } .sev.warning { color: #fdd663; } .sev.info { color: #8ab4f8; }
}
@media (prefers-reduced-motion: no-preference) {
  .card { animation: primum-in .12s ease-out; }
  @keyframes primum-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
}
`;

export const DIALOG_CSS = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.45); z-index: 2147483647; display: flex;
  align-items: center; justify-content: center; font: 14px/1.45 system-ui, sans-serif; }
.box { background: #fff; color: #1b1b1b; border-radius: 10px; max-width: 480px; width: calc(100% - 32px);
  max-height: 80vh; overflow: auto; padding: 18px 20px; box-shadow: 0 12px 40px rgba(0,0,0,.35); }
h2 { font-size: 17px; margin: 0 0 6px; }
p { margin: 4px 0 10px; }
ul { margin: 0 0 12px; padding-left: 18px; }
li { margin-bottom: 6px; }
.sev { font-size: 11px; font-weight: 700; text-transform: uppercase; }
.sev.critical { color: #b71c1c; } .sev.warning { color: #8a5300; } .sev.info { color: #1558b0; }
.quote { font-style: italic; }
.guide { font-size: 12px; color: #444; }
.blocked { background: #fdecea; border-left: 4px solid #b71c1c; padding: 6px 10px; }
.actions { display: flex; gap: 10px; justify-content: flex-end; }
button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid #8a8a8a; background: #f4f4f4;
  color: inherit; cursor: pointer; }
button.primary { background: #0b57d0; border-color: #0b57d0; color: #fff; }
button:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .box { background: #202124; color: #e8eaed; }
  .guide { color: #c4c7c5; }
  button { background: #303134; border-color: #8e918f; }
  .blocked { background: #3c1f1f; }
  .sev.critical { color: #f28b82; } .sev.warning { color: #fdd663; } .sev.info { color: #8ab4f8; }
}
`;
