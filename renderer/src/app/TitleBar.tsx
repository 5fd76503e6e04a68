import { APP_NAME } from '@shared/app-info';

export interface TitleBarProps {
  appVersion: string;
}

export function TitleBar({ appVersion }: TitleBarProps) {
  return (
    <header className="title-bar">
      <span className="title-bar__name">{APP_NAME}</span>
      <span className="title-bar__version">v{appVersion}</span>
    </header>
  );
}
