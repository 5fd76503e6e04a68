import { AGENT_EVENT_MARKER, AGENT_EVENT_TYPES, type AgentEvent, agentEventSchema } from './agent-events';

// Classifies one output line: a readable log line, or a structured agent event behind the '##hvagent ' marker.
// A line that carries the marker but is not a valid event (bad JSON, unknown type, wrong shape) is never thrown
// away and never throws: it stays a log line, with a warning diagnostic saying what was wrong with it.

export interface EventDiagnostic {
  kind: 'warning';
  message: string;
}

export type ParsedLine =
  | { kind: 'log'; text: string; diagnostic?: EventDiagnostic }
  | { kind: 'event'; text: string; event: AgentEvent };

const MAX_DIAGNOSTIC_DETAIL = 300;

function invalid(text: string, message: string): ParsedLine {
  const detail = message.length > MAX_DIAGNOSTIC_DETAIL ? `${message.slice(0, MAX_DIAGNOSTIC_DETAIL)}...` : message;
  return { kind: 'log', text, diagnostic: { kind: 'warning', message: detail } };
}

export function parseOutputLine(text: string): ParsedLine {
  if (!text.startsWith(AGENT_EVENT_MARKER)) return { kind: 'log', text };

  let json: unknown;
  try {
    json = JSON.parse(text.slice(AGENT_EVENT_MARKER.length));
  } catch (error) {
    return invalid(text, `agent event is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return invalid(text, 'agent event is not a JSON object');
  }
  const type = (json as { type?: unknown }).type;
  if (typeof type !== 'string' || !(AGENT_EVENT_TYPES as readonly string[]).includes(type)) {
    return invalid(text, `unknown agent event type ${JSON.stringify(type ?? null)}`);
  }
  const parsed = agentEventSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`)
      .join('; ');
    return invalid(text, `invalid '${type}' event: ${issues}`);
  }
  return { kind: 'event', text, event: parsed.data };
}
