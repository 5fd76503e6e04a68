// zod compiles object parsers with `new Function` unless told not to, and probes for it when an object schema
// is built. Under the app's CSP (script-src 'self', no 'unsafe-eval') that probe only fills the console with
// violation reports. Every page-side entry (renderer main.tsx, the preload, the harness bridge) imports this first.
import { z } from 'zod';

z.config({ jitless: true });
