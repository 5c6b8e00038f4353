"""Light and dark: follow the system's colour scheme, or the person's choice.

Widgets take every colour from the palette, so switching the palette switches the whole
window. Fusion draws the window in both schemes: with its own light palette, made darker
where a pair of its colours falls short of WCAG AA, or with our dark palette.

The few colours the window draws beyond the palette's roles (the calibration charts'
data series) come from `chart_colours`, per scheme. Every pair a person reads, and
every focus mark and chart series against what it is drawn on, is checked against
WCAG 2.x AA by tests/ui/test_contrast.py.

Focus is always visible: Fusion marks it 3:1 or more on combo and spin boxes, line
edits and sliders once Highlight is dark enough; where its mark is faint (buttons,
check boxes, radio buttons, tabs) or missing (views that scroll), `FocusRing` draws a
ring in the Highlight colour.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QStyleFactory,
    QTabBar,
    QWidget,
)

from reviewer_app.ui import standard_icons

LIGHT, DARK, SYSTEM = "light", "dark", "system"

Role, Group = QPalette.ColorRole, QPalette.ColorGroup
FOCUS_RING_WIDTH = 2.0  # logical pixels


def dark_palette() -> QPalette:
    p = QPalette()
    colours = {
        Role.Window: "#202124",
        Role.WindowText: "#e8eaed",
        Role.Base: "#17181a",
        Role.AlternateBase: "#25272a",
        Role.ToolTipBase: "#2d2f33",
        Role.ToolTipText: "#e8eaed",
        Role.Text: "#e8eaed",
        Role.Button: "#2b2d31",
        Role.ButtonText: "#e8eaed",
        Role.BrightText: "#ffffff",
        Role.Highlight: "#8ab4f8",
        Role.HighlightedText: "#0b0c0d",
        Role.Accent: "#8ab4f8",
        Role.Link: "#8ab4f8",
        Role.LinkVisited: "#c58af9",
        Role.PlaceholderText: "#9aa0a6",
        Role.Mid: "#3c4043",
        Role.Dark: "#121314",
        Role.Light: "#3c4043",
        Role.Midlight: "#34373b",
        Role.Shadow: "#000000",
    }
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))
    # A view without focus shows its selection muted: the selection turning bright is
    # how focus entering a list shows (3:1 between the two).
    p.setColor(Group.Inactive, Role.Highlight, QColor("#2f3b4f"))
    p.setColor(Group.Inactive, Role.HighlightedText, QColor("#e8eaed"))
    for r in (Role.Text, Role.WindowText, Role.ButtonText):
        p.setColor(Group.Disabled, r, QColor("#7f848a"))
    return p


def light_palette(standard: QPalette) -> QPalette:
    """Fusion's light palette (`standard`), with what falls short of WCAG AA darkened:
    white on its Highlight is 3.7:1 (now 5.2:1), its placeholder text is half-transparent
    black, 4:1 on white (now 5.3:1), and its visited links are magenta, 3.1:1."""
    p = QPalette(standard)
    for group in (Group.Active, Group.Inactive):
        p.setColor(group, Role.Highlight, QColor("#1d6fb8"))
        p.setColor(group, Role.Accent, QColor("#1d6fb8"))
        p.setColor(group, Role.HighlightedText, QColor("#ffffff"))
        p.setColor(group, Role.PlaceholderText, QColor("#6b6b6b"))
        p.setColor(group, Role.LinkVisited, QColor("#7b2fa8"))
    p.setColor(Group.Inactive, Role.Highlight, QColor("#d0d7e1"))
    p.setColor(Group.Inactive, Role.HighlightedText, QColor("#000000"))
    return p


def scheme_of(palette: QPalette) -> str:
    """LIGHT or DARK: which the palette is (a dark window behind light text, or not)."""
    return DARK if palette.color(Role.Window).lightness() < 128 else LIGHT


@dataclass(frozen=True)
class ChartColours:
    """What the calibration charts draw with. Text, lines and the threshold come from
    the palette (the threshold is a dashed line in the text's colour); the bars and
    lines of the data series are ours, one set per scheme. Each series colour is 3:1 or
    more against the background and against the text colour, so the threshold stays
    visible where it crosses a bar; bars are outlined in the background's colour, which
    keeps two bars side by side apart."""

    background: QColor
    text: QColor
    grid: QColor
    series: tuple[QColor, ...]
    threshold: QColor


SERIES_COLOURS = {
    LIGHT: ("#2a6fc4", "#b35900"),
    DARK: ("#3d7bd9", "#b86e00"),
}


def chart_colours(palette: QPalette) -> ChartColours:
    return ChartColours(
        background=palette.color(Role.Base),
        text=palette.color(Role.Text),
        grid=palette.color(Role.Mid),
        series=tuple(QColor(c) for c in SERIES_COLOURS[scheme_of(palette)]),
        threshold=palette.color(Role.Text),
    )


def _draw_ring(painter: QPainter, rect: QRectF, colour: QColor, width: float) -> None:
    pen = QPen(colour, width)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = width / 2
    painter.drawRect(rect.adjusted(inset, inset, -inset, -inset))


class _Ring(QWidget):
    """Drawn over the inside edge of the control that has focus (of a tab bar, its
    current tab), above what the control draws; clicks go through it."""

    def __init__(self, control: QWidget) -> None:
        super().__init__(control)
        self.control = control
        self.setObjectName("focus-ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        control.installEventFilter(self)
        if isinstance(control, QTabBar):
            control.currentChanged.connect(lambda _index: self.place())
        self.place()
        self.show()

    def place(self) -> None:
        control = self.control
        if isinstance(control, QTabBar):
            self.setGeometry(control.tabRect(control.currentIndex()))
        else:
            self.setGeometry(control.rect())
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.place()
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect())
        palette = self.control.palette()
        _draw_ring(painter, rect, palette.color(Role.Highlight), FOCUS_RING_WIDTH)
        if isinstance(self.control, QAbstractScrollArea):
            # Inside, a line in the text's colour: what a view shows under its edge
            # varies (white rows, the grey behind a PDF's pages), and one of the two
            # stands out 3:1 from any of it.
            inner = rect.adjusted(
                FOCUS_RING_WIDTH, FOCUS_RING_WIDTH, -FOCUS_RING_WIDTH, -FOCUS_RING_WIDTH
            )
            _draw_ring(painter, inner, palette.color(Role.Text), 1.0)
        painter.end()


# Fusion marks focus on these with its own focus frame, 3:1 or more in both schemes.
_FUSION_SHOWS_FOCUS = (QComboBox, QLineEdit, QAbstractSpinBox, QAbstractSlider)
# Where Fusion marks focus with a translucent dotted rectangle or a tint (under 3:1),
# the same outline as a dialog's default button (which then does not change when it
# gets focus), or, on views that scroll, with nothing at all.
_NEEDS_A_RING = (QAbstractScrollArea, QAbstractButton, QTabBar)


def needs_ring(widget: QWidget, *, keyboard: bool) -> bool:
    """Whether `widget`, given focus (`keyboard`: by a key), gets our ring. Views that
    scroll get it however focus came (a click on a PDF page, then Page Down); buttons
    and tabs as Fusion's own rectangle shows, after a key."""
    if widget.isWindow() or isinstance(widget, _FUSION_SHOWS_FOCUS):
        return False
    if isinstance(widget, QAbstractScrollArea):
        return True
    return keyboard and isinstance(widget, _NEEDS_A_RING)


class FocusRing(QObject):
    """A ring, 2 pixels in the Highlight colour (3:1 or more against Window and Base in
    both schemes), on the control that has focus where Fusion's own mark is faint or
    missing: buttons, check boxes, radio buttons, tabs, and views that scroll (lists,
    tables, the PDF and image canvases, the text reader).

    A child widget of the control, not a QProxyStyle: a style written in Python is
    called for every primitive the window paints."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.ring: _Ring | None = None
        app.focusChanged.connect(self.follow)

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.ring is not None and shiboken6.isValid(self.ring):
            self.ring.hide()
            self.ring.deleteLater()
        self.ring = None
        if new is None:
            return
        keyboard = new.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        if needs_ring(new, keyboard=keyboard):
            self.ring = _Ring(new)


def system_is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, choice: str = SYSTEM) -> str:
    """Applies `choice` (light, dark or system); returns the scheme now in use."""
    dark = choice == DARK or (choice == SYSTEM and system_is_dark(app))
    app.setStyle(QStyleFactory.create("Fusion"))
    if app.findChild(FocusRing) is None:
        FocusRing(app)
    app.setPalette(dark_palette() if dark else light_palette(app.style().standardPalette()))
    standard_icons.forget()  # made again from the style just set
    return DARK if dark else LIGHT
