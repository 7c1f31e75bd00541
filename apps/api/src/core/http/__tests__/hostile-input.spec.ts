import { findHostileJson, MAX_JSON_DEPTH } from '../hostile-input';

/** Rich text with lists nested `levels` deep, as Tiptap stores it inside a content save. */
function nestedListBody(levels: number): unknown {
  let node: unknown = {
    type: 'paragraph',
    content: [{ type: 'text', text: 'Butir', marks: [{ type: 'bold' }] }],
  };
  for (let level = 0; level < levels; level++) {
    node = { type: 'bulletList', content: [{ type: 'listItem', content: [node] }] };
  }
  return { version: 1, fields: { title: 'Judul', body: { type: 'doc', content: [node] } } };
}

describe('hostile JSON', () => {
  it('lets real bodies through: rich text with lists eight deep', () => {
    expect(findHostileJson(nestedListBody(8))).toBeNull();
  });

  it(`refuses nesting beyond ${MAX_JSON_DEPTH} levels without recursing into it`, () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(findHostileJson(deep)).toEqual({ kind: 'depth', path: expect.any(String) });
  });

  it('names the field that carries a NUL byte, in values and in keys', () => {
    expect(findHostileJson({ fields: { title: 'a\u0000b' } })).toEqual({ kind: 'nul', path: 'fields.title' });
    expect(findHostileJson({ fields: { ['x\u0000']: 1 } })).toEqual({ kind: 'nul', path: 'fields.x\\0' });
  });
});
