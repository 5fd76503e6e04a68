// The renderer's Content-Security-Policy (the <meta> tag in renderer/index.html; platform/security-policies.ts
// explains why it is not also a header) must stay strict: only the app's own scripts and styles, nothing remote,
// nothing inline, nothing evaluated.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const html = readFileSync(resolve(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');

function policy(): Map<string, string[]> {
  const match = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  const directives = new Map<string, string[]>();
  for (const part of (match?.[1] ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

describe('the renderer CSP', () => {
  it('denies everything by default and allows only self for scripts, styles and connections', () => {
    const csp = policy();
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('has no inline, eval, wildcard or remote source anywhere', () => {
    for (const [name, sources] of policy()) {
      for (const source of sources) {
        expect(source, name).not.toMatch(/unsafe-|\*|^https?:|^wss?:|^blob:/);
      }
    }
  });

  it('comes before any script in the page', () => {
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });
});
