/**
 * Times other integrations' hooks by replacing each hook function with a timed one. Astro offers
 * no hook-timing event, but it looks each hook up on the integration object at the moment it runs
 * it (`integration.hooks[hookName]`, astro/dist/integrations/hooks.js, runHookInternal; checked with
 * Astro 7.3.5, ./README.md), so a function swapped in during `astro:config:setup` is the one Astro
 * calls for every later hook. Were Astro to copy the hooks earlier, the later hooks would simply go
 * untimed: the bench reports no phases, the build is unaffected.
 */
import type { AstroIntegration } from 'astro';

export interface HookTiming {
  integration: string;
  hook: string;
  /** Milliseconds since the process started. */
  start: number;
  end: number;
}

type Hook = (...args: unknown[]) => unknown;

/** Replaces every hook of `integrations` with one that records when it ran into `record`. */
export function timeHooks(integrations: readonly AstroIntegration[], record: HookTiming[]): void {
  for (const integration of integrations) {
    const hooks = integration.hooks as Record<string, Hook | undefined>;
    for (const [hook, fn] of Object.entries(hooks)) {
      if (typeof fn !== 'function') continue;
      hooks[hook] = async function timed(this: unknown, ...args: unknown[]) {
        const start = performance.now();
        try {
          return await fn.apply(this, args);
        } finally {
          record.push({ integration: integration.name, hook, start, end: performance.now() });
        }
      };
    }
  }
}
