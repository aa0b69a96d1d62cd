import { describe, expect, it } from 'vitest';
import { commandFor, contextChain, footerHints, helpSections, KEYMAP, keyNames } from '../../src/ui/keymap.js';

describe('keyNames: what one Ink input event stands for', () => {
  it('splits printable keys that arrived together into separate keys, in order', () => {
    expect(keyNames('jjx', {})).toEqual(['j', 'j', 'x']);
    expect(keyNames(' q', {})).toEqual(['space', 'q']);
    // Ctrl-U typed just before a pasted path reaches Ink in the same chunk as the text.
    expect(keyNames('\u0015/tmp/x.yaml', {})).toEqual(['ctrl+u', ...'/tmp/x.yaml']);
  });

  it('names special keys from the flags, not from the (empty) input', () => {
    expect(keyNames('', { downArrow: true })).toEqual(['down']);
    expect(keyNames('\r', { return: true })).toEqual(['return']);
    expect(keyNames('', { escape: true, meta: true })).toEqual(['escape']);
    expect(keyNames('', { tab: true, shift: true })).toEqual(['shift+tab']);
    // Most terminals send DEL (0x7f) for backspace; Ink 6 reports it as `delete`.
    expect(keyNames('', { delete: true })).toEqual(['backspace']);
    expect(keyNames('c', { ctrl: true })).toEqual(['ctrl+c']);
    // Esc then t, typed faster than the terminal's escape timeout, arrives as Alt-t.
    expect(keyNames('t', { meta: true })).toEqual(['escape', 't']);
  });

  it('keeps the case of letters (S and s are different commands)', () => {
    expect(keyNames('S', { shift: true })).toEqual(['S']);
  });
});

/** Keys bound twice within one context of some screen's chain (a screen may shadow a key of a wider context). */
function keysBoundTwice(keymap: readonly (typeof KEYMAP)[number][]): string[] {
  const twice: string[] = [];
  for (const group of keymap) {
    const seen = new Map<string, string>();
    for (const ctx of contextChain(group.context)) {
      for (const binding of keymap.find((entry) => entry.context === ctx)?.bindings ?? []) {
        for (const key of binding.keys) {
          const first = seen.get(key);
          if (first === undefined) seen.set(key, ctx);
          else if (first === ctx) twice.push(`${group.context}: ${key} bound twice in ${ctx}`);
        }
      }
    }
  }
  return twice;
}

describe('the keymap', () => {
  it('binds no key twice within the contexts one screen consults', () => {
    expect(keysBoundTwice(KEYMAP)).toEqual([]);
    // The check itself finds a duplicate, and tolerates a screen shadowing a global key.
    const global = KEYMAP.find((group) => group.context === 'global')!;
    const council = KEYMAP.find((group) => group.context === 'council')!;
    const shadow = { ...council, bindings: [...council.bindings, { ...global.bindings[0]! }] };
    expect(keysBoundTwice([global, shadow])).toEqual([]);
    const doubled = { ...council, bindings: [...council.bindings, { ...council.bindings[0]!, command: global.bindings[0]!.command }] };
    expect(keysBoundTwice([global, doubled])).toEqual(council.bindings[0]!.keys.map((key) => `council: ${key} bound twice in council`));
  });

  it('resolves screen keys before moving keys before global ones', () => {
    expect(commandFor('council', 'space')).toBe('toggle-member');
    expect(commandFor('deal', 'space')).toBe('select');
    expect(commandFor('deal', 'left')).toBe('previous-column');
    expect(commandFor('council', 'j')).toBe('down');
    expect(commandFor('country', 'u')).toBe('undo');
    expect(commandFor('country', 'z')).toBeUndefined();
  });

  it('lets a prompt see only its own keys, so letters become text', () => {
    expect(commandFor('prompt', 'q')).toBeUndefined();
    expect(commandFor('prompt', 'return')).toBe('submit');
    expect(commandFor('prompt', 'ctrl+c')).toBe('interrupt');
  });

  it('generates the help from every binding of the screen (no key left undocumented)', () => {
    const help = helpSections('council');
    expect(help.map((section) => section.title)).toEqual(['Council view', 'Moving', 'Everywhere']);
    const documented = help.flatMap((section) => section.rows.map((row) => row.help));
    const bound = ['council', 'list', 'global'].flatMap((ctx) => KEYMAP.find((group) => group.context === ctx)!.bindings.map((binding) => binding.help));
    expect(documented).toEqual(bound);
    expect(help[0]!.rows[0]).toEqual({ keys: 'space x', help: 'unit in / out of coalition' });
  });

  it('keeps every entry short enough for the two-column help at 80 columns (9 + 1 + 27 + margins)', () => {
    for (const group of KEYMAP) {
      for (const section of helpSections(group.context)) {
        for (const row of section.rows) {
          expect(row.keys.length, row.keys).toBeLessThanOrEqual(9);
          expect(row.help.length, row.help).toBeLessThanOrEqual(27);
        }
      }
    }
  });

  it('builds the footer hints from the bindings that carry one', () => {
    const hints = footerHints('country').map((hint) => `${hint.keys} ${hint.hint}`);
    expect(hints[0]).toBe('enter council');
    expect(hints).toContain('q quit');
    expect(hints).toContain('u undo');
  });
});
