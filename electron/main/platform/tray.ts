// The tray icon: the running-job count drawn on it (desktop/tray-badge.ts) and as the macOS title, the tooltip,
// and the menu from desktop/tray-model.ts.
import { Menu, type MenuItemConstructorOptions, type NativeImage, nativeImage, Tray } from 'electron';
import { badgeText, drawBadge } from '../desktop/tray-badge';
import type { TrayItem, TrayModel } from '../desktop/tray-model';

export interface TrayActions {
  readonly showWindow: () => void;
  readonly openJob: (jobId: string) => void;
  readonly quit: () => void;
}

const SCALES = [1, 2] as const;

function badged(base: NativeImage, count: number): NativeImage {
  if (count <= 0) return base;
  const image = nativeImage.createEmpty();
  for (const scaleFactor of SCALES) {
    const { width, height } = base.getSize(scaleFactor);
    const pixels = base.toBitmap({ scaleFactor });
    if (width === 0 || pixels.length !== width * height * 4) continue;
    const drawn = drawBadge({ width, height, pixels }, count, 'bgra');
    image.addRepresentation({ scaleFactor, width, height, buffer: drawn.pixels });
  }
  return image.isEmpty() ? base : image;
}

function menuItem(item: TrayItem, actions: TrayActions): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'show':
      return { label: item.label, click: () => actions.showWindow() };
    case 'separator':
      return { type: 'separator' };
    case 'note':
      return { label: item.label, enabled: false };
    case 'job':
      return { label: item.label, click: () => actions.openJob(item.jobId) };
    case 'quit':
      return { label: item.label, click: () => actions.quit() };
  }
}

export class JobTray {
  private readonly tray: Tray;
  private readonly base: NativeImage;
  private readonly images = new Map<string, NativeImage>();
  private shownBadge = '';

  constructor(
    iconPath: string,
    private readonly actions: TrayActions,
  ) {
    this.base = nativeImage.createFromPath(iconPath);
    this.tray = new Tray(this.base);
    // Windows and Linux: a click on the icon brings the window back; the menu is on the right button.
    this.tray.on('click', () => actions.showWindow());
  }

  update(model: TrayModel): void {
    this.tray.setToolTip(model.tooltip);
    if (process.platform === 'darwin') this.tray.setTitle(model.title);
    const text = model.badge > 0 ? badgeText(model.badge) : '';
    if (text !== this.shownBadge) {
      let image = this.images.get(text);
      if (!image) {
        image = badged(this.base, model.badge);
        this.images.set(text, image);
      }
      this.tray.setImage(image);
      this.shownBadge = text;
    }
    this.tray.setContextMenu(Menu.buildFromTemplate(model.items.map((item) => menuItem(item, this.actions))));
  }

  destroy(): void {
    this.tray.destroy();
  }
}
