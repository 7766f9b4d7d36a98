/**
 * The application menu: the platform's standard roles plus New Study… and Open Study…, which
 * main carries out itself (dialog, then study.create / study.open on a window's AppHost, whose
 * 'study.changed' event tells the renderer). Reload and DevTools exist only in development, so a
 * packaged build offers no way into the renderer's internals.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  appName: string;
  platform: NodeJS.Platform;
  isDev: boolean;
  onNewStudy(): void;
  onOpenStudy(): void;
}

/** Pure: the menu template, so its shape (no dev items when packaged) can be tested. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ label: options.appName, role: 'appMenu' });
  template.push(
    {
      label: 'File',
      submenu: [
        { label: 'New Study…', accelerator: 'CmdOrCtrl+N', click: () => options.onNewStudy() },
        { label: 'Open Study…', accelerator: 'CmdOrCtrl+O', click: () => options.onOpenStudy() },
        { type: 'separator' },
        { label: 'Close', role: 'close' },
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(options.isDev
          ? [
              { role: 'reload' as const },
              { role: 'forceReload' as const },
              { role: 'toggleDevTools' as const },
              { type: 'separator' as const },
            ]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: `About ${options.appName}`, role: 'about' }],
    },
  );
  return template;
}

export function installApplicationMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
