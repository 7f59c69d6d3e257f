import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';

interface Props {
  /** Changing this (the location) clears the error, so navigating away recovers. */
  resetKey: string;
  title: string;
  retryText: string;
  children: ReactNode;
}

/** A page that crashes shows a message inside the shell instead of taking the whole app down. */
export class ErrorBoundary extends Component<Props, { error: Error | null; key: string }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error) {
    console.error(error);
  }

  override render() {
    if (this.state.error) {
      return (
        <div data-testid="page-crashed">
          <Result
            status="error"
            title={this.props.title}
            subTitle={this.state.error.message}
            extra={<Button onClick={() => this.setState({ error: null })}>{this.props.retryText}</Button>}
          />
        </div>
      );
    }
    return this.props.children;
  }
}
