#!/bin/sh
# Installs Portfolio Reviewer @VERSION@ from this unpacked archive, for the current user by
# default: the program in PREFIX/opt, a `reviewer-app` link in PREFIX/bin, a menu entry in
# PREFIX/share/applications and the icon in PREFIX/share/icons.
# Usage: ./install.sh [--prefix DIR]      (default DIR: ~/.local; /usr/local needs root)
#        ./install.sh --uninstall [--prefix DIR]
set -eu

prefix="${HOME}/.local"
action=install
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac

here=$(cd "$(dirname "$0")" && pwd)
opt="$prefix/opt"
app_dir="$opt/portfolio-reviewer-@VERSION@"
current="$opt/portfolio-reviewer"  # stable path the links point through
bin="$prefix/bin/reviewer-app"
desktop="$prefix/share/applications/portfolio-reviewer.desktop"
icon="$prefix/share/icons/hicolor/256x256/apps/portfolio-reviewer.png"

refresh_menus() {
  # Desktops pick changes up by themselves too; these only make it immediate.
  command -v update-desktop-database >/dev/null 2>&1 &&
    update-desktop-database -q "$prefix/share/applications" 2>/dev/null || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 &&
    gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" 2>/dev/null || true
}

if [ "$action" = uninstall ]; then
  target=$(readlink "$current" 2>/dev/null || true)
  rm -f "$bin" "$desktop" "$icon" "$current"
  [ -n "$target" ] && rm -rf "$target"
  refresh_menus
  echo "Portfolio Reviewer removed from $prefix (your data folder is kept)."
  exit 0
fi

mkdir -p "$opt" "$prefix/bin" "$(dirname "$desktop")" "$(dirname "$icon")"
# Copy beside the target, then swap, so a failed copy leaves any older install working.
rm -rf "$app_dir.partial"
cp -R "$here/portfolio-reviewer" "$app_dir.partial"
rm -rf "$app_dir"
mv "$app_dir.partial" "$app_dir"
old=$(readlink "$current" 2>/dev/null || true)
ln -sfn "$app_dir" "$current"
[ -n "$old" ] && [ "$old" != "$app_dir" ] && rm -rf "$old"
ln -sfn "$current/reviewer-app" "$bin"
cp "$here/portfolio-reviewer.png" "$icon"
# The menu entry names the program by absolute path: ~/.local/bin is often not on the
# PATH that graphical sessions start programs with.
sed "s|@EXEC@|\"$bin\"|" "$here/portfolio-reviewer.desktop" > "$desktop"
chmod 644 "$desktop" "$icon"
refresh_menus

# The bundle leaves X11/Wayland, fonts and D-Bus to the system; name what is missing.
internal="$app_dir/_internal"
missing=$(LD_LIBRARY_PATH="$internal:$internal/PySide6/Qt/lib" \
  ldd "$internal/PySide6/Qt/plugins/platforms/libqxcb.so" 2>/dev/null |
  awk '/not found/ {print $1}' | sort -u | tr '\n' ' ' || true)
if [ -n "$missing" ]; then
  echo "warning: system libraries missing for the X11 window: $missing" >&2
  echo "  (see 'System libraries' in docs/installing.md for the packages to install)" >&2
fi

echo "Portfolio Reviewer @VERSION@ installed in $app_dir"
echo "Run it from the applications menu or with: $bin"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "($prefix/bin is not on your PATH.)" ;; esac
