/** Real-browser helpers: Debian's Chromium driven by playwright-core, the built site served on loopback. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic } from '../scripts/serve.ts';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
}

export async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = await serveStatic(dir, 0);
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
