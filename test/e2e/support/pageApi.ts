/**
 * Calls the workbench API from the page, as the page itself does (the launch token is in the
 * page's address): what a spec compares the screen with comes through the same door.
 */
import type { Page } from 'playwright-core';

export async function callApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, input }) => {
      const token = new URL(window.location.href).searchParams.get('token') ?? '';
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as { result?: unknown; error?: { message: string } };
      if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
      return body.result;
    },
    { method, input },
  ) as Promise<T>;
}
