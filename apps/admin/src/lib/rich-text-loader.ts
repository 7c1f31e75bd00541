/**
 * The rich-text editor (Tiptap: most of a form's weight) loads when the person first reaches a rich-text field
 * — a tap, a click on its label, the focus moving into it — not with the page. Until then the field is the
 * plain text box it is without JavaScript, and whatever is typed there carries into the editor.
 */
type Mounting = Window & { lamanMountEditors?: () => void };

let editor: Promise<typeof import('./rich-text-editor')> | null = null;

/** Loads the editor once and mounts it in every rich-text field of the page. */
function start(): void {
  editor ??= import('./rich-text-editor');
  void editor.then(({ mountAll }) => mountAll());
}

function arm(): void {
  const boxes = [...document.querySelectorAll<HTMLElement>('[data-editor]:not([data-armed])')];
  for (const box of boxes) {
    box.dataset['armed'] = '';
    box.addEventListener('focusin', start, { once: true });
    box.addEventListener('pointerdown', start, { once: true });
  }
  // Already loaded (a form written in by the upload script), or the focus is already inside one (autofocus
  // on a field with an error): mount now.
  if (editor || boxes.some((box) => box.contains(document.activeElement))) start();
}

// When the upload script writes the server's answer into this document, it calls this for the new form.
(window as Mounting).lamanMountEditors = arm;
arm();
