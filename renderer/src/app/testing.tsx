// Test support for component tests: the app's stores over a fake API, rendered inside StoresProvider.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { type AppStores, connectAppStores, createAppStores, StoresProvider } from '../stores/app-stores';
import { createFakeApi, type FakeApi, type FakeHandlers } from '../test-support/fake-api';

export interface Rendered {
  fake: FakeApi;
  stores: AppStores;
  user: ReturnType<typeof userEvent.setup>;
}

/** Renders `element` with fresh stores over a fake API; `connect` runs connectAppStores first (as App does). */
export async function renderWithStores(
  element: ReactElement,
  handlers: FakeHandlers = {},
  options: { connect?: boolean } = {},
): Promise<Rendered> {
  const fake = createFakeApi({ 'hosts.list': () => ({ hosts: [] }), ...handlers });
  const stores = createAppStores(fake.api);
  if (options.connect) await connectAppStores(stores);
  const user = userEvent.setup();
  render(<StoresProvider stores={stores}>{element}</StoresProvider>);
  return { fake, stores, user };
}
