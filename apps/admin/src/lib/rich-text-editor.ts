import { Editor, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { documentToText, textToDocument } from './rich-text';

/**
 * Turns a rich-text field's plain text box into a Tiptap editor (headings, bold, lists, links). The text box
 * stays in the form, hidden and kept in step, with the document beside it: without JavaScript the form still
 * works with paragraphs of plain text.
 */
/** The page's translations of the editor's texts (see EDITOR_TEXTS), by their Bahasa Indonesia text. */
let texts: Record<string, string> = {};
const say = (text: string) => texts[text] ?? text;

const TOOLS: Array<{ label: string; run: (editor: Editor) => void; active: (editor: Editor) => boolean }> = [
  { label: 'Tebal', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
  {
    label: 'Miring',
    run: (e) => e.chain().focus().toggleItalic().run(),
    active: (e) => e.isActive('italic'),
  },
  {
    label: 'Subjudul',
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    active: (e) => e.isActive('heading', { level: 2 }),
  },
  {
    label: 'Daftar',
    run: (e) => e.chain().focus().toggleBulletList().run(),
    active: (e) => e.isActive('bulletList'),
  },
  {
    label: 'Daftar bernomor',
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    active: (e) => e.isActive('orderedList'),
  },
  {
    label: 'Tautan',
    run: (e) => {
      const current = (e.getAttributes('link')['href'] as string | undefined) ?? 'https://';
      const href = window.prompt(say('Alamat tautan (kosongkan untuk melepas tautan):'), current);
      if (href === null) return;
      if (href.trim() === '' || href.trim() === 'https://')
        e.chain().focus().extendMarkRange('link').unsetLink().run();
      else e.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
    },
    active: (e) => e.isActive('link'),
  },
];

function startingDocument(textarea: HTMLTextAreaElement, stored: HTMLInputElement): JSONContent {
  try {
    const document = JSON.parse(stored.value) as JSONContent;
    if (documentToText(document).trim() === textarea.value.trim()) return document;
  } catch {
    // No stored document (a new item) or text typed without the editor: start from the text.
  }
  return textToDocument(textarea.value) as JSONContent;
}

function mount(box: HTMLElement): void {
  texts = JSON.parse(box.dataset['texts'] ?? '{}') as Record<string, string>;
  const textarea = box.querySelector('textarea');
  const stored = box.querySelector<HTMLInputElement>('input[type=hidden]');
  if (!textarea || !stored) return;
  const id = textarea.id;
  const hadFocus = document.activeElement === textarea;
  const label = document.querySelector<HTMLLabelElement>(`label[for="${id}"]`);
  if (label) label.id = `${id}-label`;
  const hint = document.getElementById(`${id}-petunjuk`);
  if (hint)
    hint.textContent = say(
      'Tekan Enter untuk paragraf baru; pilih teks lalu tombol format untuk menebalkan, membuat daftar atau tautan.',
    );
  textarea.id = `${id}-teks`;
  textarea.hidden = true;
  textarea.removeAttribute('required');
  if (label) label.htmlFor = textarea.id;

  const toolbar = document.createElement('div');
  toolbar.className = 'toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', say('Format teks'));
  box.prepend(toolbar);
  const area = document.createElement('div');
  box.append(area);

  const attributes: Record<string, string> = {
    id,
    class: 'editor',
    role: 'textbox',
    'aria-multiline': 'true',
  };
  if (label) attributes['aria-labelledby'] = label.id;
  for (const name of ['aria-describedby', 'aria-invalid']) {
    const value = textarea.getAttribute(name);
    if (value) attributes[name] = value;
  }
  const editor = new Editor({
    element: area,
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] }, link: { openOnClick: false } })],
    content: startingDocument(textarea, stored),
    editorProps: { attributes },
    onUpdate: ({ editor: current }) => {
      const json = current.getJSON();
      stored.value = JSON.stringify(json);
      textarea.value = documentToText(json);
    },
  });
  stored.value = JSON.stringify(editor.getJSON());
  label?.addEventListener('click', () => editor.commands.focus());
  // The person was in the plain box when the editor arrived: they carry on typing in the editor.
  if (hadFocus) editor.commands.focus('end');

  const buttons = TOOLS.map((tool) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = say(tool.label);
    button.className = `tool-${tool.label.toLowerCase().replace(/ /g, '-')}`;
    // Keeps the editor's selection (and the marks chosen for the next letters) while the button is pressed.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => tool.run(editor));
    toolbar.append(button);
    return { button, tool };
  });
  const refresh = () =>
    buttons.forEach(({ button, tool }) => button.setAttribute('aria-pressed', String(tool.active(editor))));
  editor.on('transaction', refresh);
  refresh();
}

/** Mounts an editor in every rich-text field not mounted yet (loaded on demand by rich-text-loader.ts). */
export function mountAll(): void {
  document.querySelectorAll<HTMLElement>('[data-editor]:not([data-mounted])').forEach((box) => {
    box.dataset['mounted'] = '';
    mount(box);
  });
}
