// The pause before submit: a <primum-dialog> listing the findings, with Edit (focus back,
// nothing lost) and Post anyway — or, when the institution blocks at this severity, no Post anyway.
import { t } from './runtime.js';
import { DIALOG_CSS } from './styles.js';
import { el } from './dom.js';


/**
 * Shows the dialog; resolves to 'post' or 'edit'.
 * @param findings the findings to list (`{severity, category, message, guidance, quote}`)
 * @param blocked whether posting is blocked (then only Edit is offered)
 * @param blockMessage the institution's message, when blocked
 * @param institution `{name, contact, policyUrl}` of a managed policy, shown as text
 */
export function pauseDialog({ findings, blocked, blockMessage, institution }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const host = document.createElement('primum-dialog');
    host.setAttribute('data-blocked', String(Boolean(blocked)));
    const root = host.attachShadow({ mode: 'open' });
    const style = el('style');
    style.textContent = DIALOG_CSS;
    const backdrop = el('div', 'backdrop');
    const box = el('div', 'box');
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-labelledby', 'primum-title');
    box.setAttribute('aria-describedby', 'primum-desc');
    const title = el('h2', null, blocked ? t('dialogTitleBlocked') : t('dialogTitle'));
    title.id = 'primum-title';
    const desc = el('p', null, blocked ? t('dialogIntroBlocked') : t('dialogIntro'));
    desc.id = 'primum-desc';
    box.append(title, desc);
    if (blocked && blockMessage) box.append(el('p', 'blocked', blockMessage));
    if (institution?.name) {
      const who = [institution.name, institution.contact, institution.policyUrl].filter(Boolean).join(' · ');
      box.append(el('p', 'guide', t('institutionLine', who)));
    }
    const list = el('ul');
    for (const f of findings) {
      const li = el('li');
      li.append(el('span', `sev ${f.severity}`, `${t(`severity_${f.severity}`)} · ${f.category}`), el('br'));
      li.append(el('span', null, f.message));
      if (f.quote) li.append(' ', el('span', 'quote', `“${f.quote}”`));
      li.append(el('br'), el('span', 'guide', `${t('guidanceLabel')} ${f.guidance}`));
      list.append(li);
    }
    box.append(list);
    const actions = el('div', 'actions');
    const edit = el('button', 'primary', t('editButton'));
    edit.type = 'button';
    edit.dataset.action = 'edit';
    actions.append(edit);
    let post = null;
    if (!blocked) {
      post = el('button', null, t('postAnyway'));
      post.type = 'button';
      post.dataset.action = 'post';
      actions.append(post);
    }
    box.append(actions);
    backdrop.append(box);
    root.append(style, backdrop);
    document.documentElement.append(host);

    const buttons = [edit, post].filter(Boolean);
    const close = (choice) => {
      host.remove();
      document.removeEventListener('focusin', keepFocus, true);
      if (choice === 'edit' && opener && opener.focus) opener.focus();
      resolve(choice);
    };
    // Keep focus inside the dialog while it is open.
    const keepFocus = (e) => {
      if (e.target !== host) buttons[0].focus();
    };
    document.addEventListener('focusin', keepFocus, true);
    box.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape') {
        e.preventDefault();
        close('edit');
      } else if (e.key === 'Tab') {
        e.preventDefault();
        const i = buttons.indexOf(root.activeElement);
        buttons[(i + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length].focus();
      }
    });
    edit.addEventListener('click', () => close('edit'));
    post?.addEventListener('click', () => close('post'));
    edit.focus();
  });
}
