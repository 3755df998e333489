import type { ThemeRegistrationResolved } from 'shiki';

/** WCAG 2 AA for normal text. */
export const MIN_CONTRAST = 4.5;

/**
 * A Shiki theme drawn on `background`, with every token colour that would read
 * below 4.5:1 on it darkened (light backgrounds) or lightened (dark ones) just
 * enough. Code is text: readers with low vision read it too.
 */
export function ensureContrast(theme: ThemeRegistrationResolved, background: string): ThemeRegistrationResolved {
  const bg = parseHex(background);
  if (!bg) return theme;
  const fix = (color: string | undefined): string | undefined => {
    if (!color) return color;
    const rgb = parseHex(color, bg);
    if (!rgb || contrast(rgb, bg) >= MIN_CONTRAST) return color;
    const towards: Rgb = luminance(bg) > 0.5 ? [0, 0, 0] : [255, 255, 255];
    let mixed = rgb;
    for (let t = 0.02; t <= 1 && contrast(mixed, bg) < MIN_CONTRAST + 0.05; t += 0.02) mixed = mix(rgb, towards, t);
    return toHex(mixed);
  };
  theme.bg = background;
  theme.fg = fix(theme.fg) ?? theme.fg;
  for (const list of [theme.settings, theme.tokenColors]) {
    for (const entry of list ?? []) {
      const settings = entry.settings as { foreground?: string } | undefined;
      if (settings?.foreground) settings.foreground = fix(settings.foreground);
    }
  }
  return theme;
}

type Rgb = [number, number, number];

/** `#rgb`, `#rrggbb` or `#rrggbbaa` (alpha composited over `over`). */
function parseHex(color: string, over?: Rgb): Rgb | undefined {
  let hex = color.trim().replace(/^#/, '');
  if (!/^([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(hex)) return undefined;
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  const rgb: Rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
  if (hex.length === 8 && over) {
    const alpha = parseInt(hex.slice(6, 8), 16) / 255;
    return mix(over, rgb, alpha);
  }
  return rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => (a[i] as number) + ((b[i] as number) - (a[i] as number)) * t) as Rgb;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export function contrastOfHex(a: string, b: string): number {
  const x = parseHex(a);
  const y = parseHex(b);
  if (!x || !y) return NaN;
  return contrast(x, y);
}
