import { readdirSync, readFileSync } from 'node:fs';

// Linux process table through /proc, for the tests that prove a stopped run leaves no process behind.

export interface ProcessEntry {
  pid: number;
  ppid: number;
  pgrp: number;
  state: string;
}

function readEntry(pid: number): ProcessEntry | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, state: fields[0] ?? '?', ppid: Number(fields[1]), pgrp: Number(fields[2]) };
  } catch {
    return null;
  }
}

/** Live (not zombie) processes: a killed orphan stays a zombie until something reaps it, but it runs no code. */
export function liveProcesses(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const entry = readEntry(Number(name));
    if (entry !== null && entry.state !== 'Z' && entry.state !== 'X') entries.push(entry);
  }
  return entries;
}

export function isAlive(pid: number): boolean {
  const entry = readEntry(pid);
  return entry !== null && entry.state !== 'Z' && entry.state !== 'X';
}

/** Live processes of a process group (a detached child's pid is its group id). */
export function liveGroupMembers(pgrp: number): ProcessEntry[] {
  return liveProcesses().filter((entry) => entry.pgrp === pgrp);
}
