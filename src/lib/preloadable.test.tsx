import { act, render, screen } from '@testing-library/react';
import { deferred } from '../testing/mock-api';
import { Component, type ReactNode } from 'react';
import { CodeLoadError, LoadBoundary, preloadable } from './preloadable';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

const offline = () => Promise.reject(new Error('Failed to fetch dynamically imported module'));

describe('preloadable', () => {
  it('loads the code once, on preload, and then renders in the same pass', async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const { Component, preload } = preloadable(load);
    preload();
    preload();
    expect(load).toHaveBeenCalledTimes(1);
    await act(async () => {});

    render(<Component name="Ada" />);
    expect(screen.getByText('Hello Ada')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shown before any preload: renders nothing, starts the download, then shows the component', async () => {
    const gate = deferred<typeof Greeting>();
    const load = vi.fn(() => gate.promise);
    const { Component } = preloadable(load);
    const { container } = render(
      <div data-testid="slot">
        <Component name="Grace" />
      </div>,
    );
    expect(container.querySelector('[data-testid="slot"]')).toBeEmptyDOMElement();
    expect(load).toHaveBeenCalledTimes(1);
    gate.resolve(Greeting);
    expect(await screen.findByText('Hello Grace')).toBeInTheDocument();
  });

  it('throws a failed download to the LoadBoundary once, without retrying it; the next preload tries again', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    let online = false;
    const load = vi.fn(() => (online ? Promise.resolve(Greeting) : offline()));
    const { Component, preload } = preloadable(load);
    const onError = vi.fn();
    const ui = (attempt: number) => (
      <LoadBoundary key={attempt} onError={onError}>
        <p>Around it</p>
        <Component name="Linus" />
      </LoadBoundary>
    );

    const { rerender } = render(ui(1));
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(CodeLoadError);
    expect(onError.mock.calls[0]![0]).toEqual(expect.objectContaining({ message: 'Failed to fetch dynamically imported module' }));
    // The boundary shows nothing in place, and the failure is not retried on its own.
    expect(screen.queryByText('Around it')).not.toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);

    online = true;
    preload();
    expect(load).toHaveBeenCalledTimes(2);
    rerender(ui(2));
    expect(await screen.findByText('Hello Linus')).toBeInTheDocument();
    expect(onError).toHaveBeenCalledTimes(1);
    consoleError.mockRestore();
  });

  it('lets any other error pass through the LoadBoundary to the boundary above', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    class Outer extends Component<{ children: ReactNode }, { error: string | null }> {
      override state = { error: null as string | null };
      static getDerivedStateFromError(error: Error) {
        return { error: error.message };
      }
      override render() {
        return this.state.error ? <p>Outer caught: {this.state.error}</p> : this.props.children;
      }
    }
    function Broken(): ReactNode {
      throw new Error('a bug in the dialog');
    }
    const onError = vi.fn();
    render(
      <Outer>
        <LoadBoundary onError={onError}>
          <Broken />
        </LoadBoundary>
      </Outer>,
    );
    expect(screen.getByText('Outer caught: a bug in the dialog')).toBeInTheDocument();
    expect(onError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});
