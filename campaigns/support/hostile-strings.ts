// Hostile strings for the injection campaign. Each one carries a command that, if any layer ever ran the string
// as code (PowerShell, /bin/sh, cmd), would create its own canary file; the campaign shows no canary ever exists.
// Two kinds: names (VM names, display names, user names, passwords) may hold anything, so their canary is an
// absolute path in the run's folder; path segments (VM folders, disk files) cannot hold '/' or '\', so their
// canary is a bare file name, created in the working directory of whatever ran it (the campaign searches those).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Hostile {
  readonly text: string;
  /** The canary files its embedded commands would create: absolute, or bare names (see CanaryFolders). */
  readonly canaries: readonly string[];
}

/** Quoting styles and separators of PowerShell, POSIX sh and cmd, each around a command that makes `canary`. */
function nameTemplates(canary: string): string[] {
  const ni = `New-Item -ItemType File -Path '${canary}'`;
  return [
    `'; ${ni}; '`,
    `"; ${ni}; "`,
    `$(${ni})`,
    `x\`$(${ni})`,
    `@(${ni})`,
    `$(touch ${canary})`,
    `\`touch ${canary}\``,
    `web01; touch ${canary}`,
    `web01 | touch ${canary}`,
    `web01 & ${ni}`,
    `web01 && touch ${canary} || touch ${canary}`,
    `web01\ntouch ${canary}\n${ni}`,
    `web01\r\n& ${ni}`,
    `\u202e${ni}\u202c`,
    `web\u200b01\u200d$(${ni})\ufeff`,
    `${"'".repeat(3)}${'"'.repeat(3)}$(${ni})${'`'.repeat(3)}`,
    `&{${ni}}`,
    `-Name x; ${ni} #`,
    `%COMSPEC% /c type nul > ${canary} & ${ni}`,
    `${'Ω虚拟机😀'.repeat(40)}$(${ni})`,
  ];
}

/** Segments of a Windows path: no separators and none of the characters Windows forbids in a name. */
function segmentTemplates(canary: string): string[] {
  const ni = `New-Item -ItemType File -Path ${canary}`;
  return [
    `$(${ni})`,
    `x'; ${ni}; '`,
    `a\`$(${ni})`,
    `b; touch ${canary}`,
    `c & ${ni}`,
    `d $(touch ${canary})`,
    `\u202ee\u200b$(${ni})`,
  ];
}

export class HostileStrings {
  private next = 0;
  readonly all: Hostile[] = [];

  constructor(
    /** Folder of this run's absolute canaries (absent from the start). */
    readonly canaryDir: string,
    /** Marks this run's bare canary names, so a search never matches another run's. */
    readonly runId: string,
  ) {}

  /** `count` names, cycling through the styles (from where the previous call stopped). */
  names(count: number, maxLength = Number.POSITIVE_INFINITY): Hostile[] {
    return Array.from({ length: count }, () => {
      // The canary's number also picks the template, so successive calls go on through the styles.
      const number = this.next++;
      const canary = join(this.canaryDir, `canary-${number}`);
      const templates = nameTemplates(canary);
      const text = (templates[number % templates.length] as string).slice(0, maxLength);
      return this.keep({ text, canaries: [canary] });
    });
  }

  /** One very long name (the schema's bound) with its command at the end, where a truncation would cut it. */
  long(length: number): Hostile {
    const canary = join(this.canaryDir, `canary-${this.next++}`);
    const command = `$(New-Item -ItemType File -Path '${canary}')`;
    return this.keep({ text: `${'L'.repeat(length - command.length)}${command}`, canaries: [canary] });
  }

  /** Path segments (VM folders, disk file names). */
  segments(count: number): Hostile[] {
    return Array.from({ length: count }, (_, index) => {
      const canary = `hvcanary-${this.runId}-${this.next++}`;
      const templates = segmentTemplates(canary);
      return this.keep({ text: templates[index % templates.length] as string, canaries: [canary] });
    });
  }

  /** `count` names, each `perName` styles in a row (every template in fewer names: fewer VMs, same coverage). */
  combined(count: number, perName: number): Hostile[] {
    const parts = this.names(count * perName);
    return Array.from({ length: count }, (_, index) => {
      const mine = Array.from({ length: perName }, (_, part) => parts[index + part * count] as Hostile);
      return { text: mine.map((part) => part.text).join(' '), canaries: mine.flatMap((part) => part.canaries) };
    });
  }

  private keep(hostile: Hostile): Hostile {
    this.all.push(hostile);
    return hostile;
  }
}

/** Where bare canaries would land: working directories (searched at their top level) and the folders a run on the
 *  lab or ssh-lab host has as its disks (searched at any depth: a command could have changed directory there). */
export interface CanaryFolders {
  readonly top: readonly string[];
  readonly deep: readonly string[];
}

/** Every canary of `hostiles` that exists: absolute ones where they point, bare ones in the given folders. */
export function existingCanaries(hostiles: readonly Hostile[], folders: CanaryFolders): string[] {
  const found: string[] = [];
  const canaries = hostiles.flatMap((hostile) => hostile.canaries);
  const bare = new Set(canaries.filter((canary) => !canary.startsWith('/')));
  for (const canary of canaries) if (canary.startsWith('/') && existsSync(canary)) found.push(canary);
  const search = (folder: string, recursive: boolean) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { recursive, withFileTypes: true })) {
      if (bare.has(entry.name)) found.push(join(entry.parentPath, entry.name));
    }
  };
  for (const folder of folders.top) search(folder, false);
  for (const folder of folders.deep) search(folder, true);
  return found;
}
