import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAllowedRequestUrl, isAppPageUrl } from './renderer-entry';

const file = { file: '/opt/Hyper-V VM Deleter/resources/app.asar/out/renderer/index.html' };
const page = pathToFileURL(file.file).href;
const dev = { url: 'http://localhost:5173' };

describe('the app page', () => {
  it('is the renderer index.html (with any fragment or query), and nothing else on disk', () => {
    expect(isAppPageUrl(file, page)).toBe(true);
    expect(isAppPageUrl(file, `${page}#/jobs`)).toBe(true);
    expect(isAppPageUrl(file, page.replace('index.html', 'other.html'))).toBe(false);
    expect(isAppPageUrl(file, 'file:///etc/passwd')).toBe(false);
    expect(isAppPageUrl(file, 'https://example.com/index.html')).toBe(false);
    expect(isAppPageUrl(file, 'not a url')).toBe(false);
  });

  it('is any page of the dev server origin during development', () => {
    expect(isAppPageUrl(dev, 'http://localhost:5173/')).toBe(true);
    expect(isAppPageUrl(dev, 'http://localhost:5173/index.html?x=1')).toBe(true);
    expect(isAppPageUrl(dev, 'http://127.0.0.1:5173/')).toBe(false);
    expect(isAppPageUrl(dev, 'https://localhost:5173/')).toBe(false);
  });
});

describe('requests the renderer may make', () => {
  it('are its own bundled files, inline data images and DevTools; never remote content', () => {
    expect(isAllowedRequestUrl(file, page)).toBe(true);
    expect(isAllowedRequestUrl(file, page.replace('index.html', 'assets/index-abc.js'))).toBe(true);
    expect(isAllowedRequestUrl(file, 'data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl(file, 'devtools://devtools/bundled/inspector.html')).toBe(true);
    for (const url of [
      'https://cdn.example.com/lib.js',
      'http://localhost:5173/',
      'file:///opt/Hyper-V%20VM%20Deleter/resources/app.asar/out/main/index.js',
      'file:///opt/Hyper-V%20VM%20Deleter/resources/app.asar/out/renderer/../main/index.js',
      'file://server/share/x.js',
      'ws://localhost:5173/',
    ]) {
      expect(isAllowedRequestUrl(file, url), url).toBe(false);
    }
  });

  it('in development also include the dev server and its hot-reload socket, not other hosts', () => {
    expect(isAllowedRequestUrl(dev, 'http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isAllowedRequestUrl(dev, 'ws://localhost:5173/?token=x')).toBe(true);
    expect(isAllowedRequestUrl(dev, 'ws://localhost:9999/')).toBe(false);
    expect(isAllowedRequestUrl(dev, 'https://fonts.googleapis.com/css')).toBe(false);
    expect(isAllowedRequestUrl(dev, 'file:///etc/passwd')).toBe(false);
  });
});

describe('on Windows', () => {
  const entry = { file: 'C:\\Program Files\\Hyper-V VM Deleter\\resources\\app.asar\\out\\renderer\\index.html' };
  const base = 'file:///C:/Program%20Files/Hyper-V%20VM%20Deleter/resources/app.asar/out/renderer';

  it('compares paths without regard to case or percent-encoding', () => {
    expect(isAppPageUrl(entry, `${base}/index.html`, 'win32')).toBe(true);
    expect(
      isAppPageUrl(
        entry,
        `${base.replace('C:', 'c:').replace('Program%20Files', 'program files')}/INDEX.html#/x`,
        'win32',
      ),
    ).toBe(true);
    expect(isAllowedRequestUrl(entry, `${base}/assets/index-abc.js`, 'win32')).toBe(true);
  });

  it('refuses files outside the renderer folder, other drives and network shares', () => {
    expect(isAllowedRequestUrl(entry, `${base}/../main/index.js`, 'win32')).toBe(false);
    expect(isAllowedRequestUrl(entry, `${base}/..%5Cmain%5Cindex.js`, 'win32')).toBe(false);
    expect(isAllowedRequestUrl(entry, 'file:///D:/renderer/index.html', 'win32')).toBe(false);
    expect(isAllowedRequestUrl(entry, 'file://attacker/share/x.js', 'win32')).toBe(false);
    expect(isAppPageUrl(entry, 'file:///C:/Windows/index.html', 'win32')).toBe(false);
  });
});
