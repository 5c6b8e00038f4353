"""Decoding images off the GUI thread, at the resolution the view needs.

A phone photo is 12 to 50 megapixels; decoding it whole to show it fitted to a 900-pixel
pane wastes a second and 200 MB. The loader asks QImageReader for a scaled decode
(JPEG decodes scaled for a fraction of the cost) and the view asks again, larger, only
when the reader zooms past what it has. EXIF orientation is applied by the reader.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from itertools import count
from pathlib import Path

from PySide6.QtCore import QObject, QSize, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

# Never decode more than this many pixels, whatever the zoom (about 256 MB at 4 bytes).
MAX_DECODE_PIXELS = 64_000_000

Transformation = QImageIOHandler.Transformation


@dataclass(frozen=True)
class LoadedFrame:
    """One decoded frame, upright. `full_size` is its size at full resolution (upright),
    `image` may be smaller; `error` is set (and `image` null) when it cannot be read."""

    request: int
    path: Path
    frame: int  # 0-based
    frame_count: int
    image: QImage
    full_size: QSize
    error: str | None = None

    @property
    def is_full(self) -> bool:
        return self.image.width() >= self.full_size.width()


def upright(size: QSize, transformation: Transformation) -> QSize:
    if transformation & Transformation.TransformationRotate90:
        return size.transposed()
    return size


def decode(path: Path, frame: int, max_side: int, request: int = 0) -> LoadedFrame:
    """Decodes frame `frame` of the image at `path`, its longer side at most `max_side`
    pixels (0: full size, within MAX_DECODE_PIXELS). Safe on any thread."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    reader.setDecideFormatFromContent(True)
    frames = max(1, reader.imageCount())
    if frame and not reader.jumpToImage(frame):
        # Some formats (GIF) can only be read in order.
        for _ in range(frame):
            if reader.read().isNull():
                break
    stored = reader.size()
    full = upright(stored, reader.transformation()) if stored.isValid() else QSize()
    if stored.isValid() and not stored.isEmpty():
        scale = 1.0
        longest = max(stored.width(), stored.height())
        if max_side and longest > max_side:
            scale = max_side / longest
        pixels = stored.width() * stored.height() * scale * scale
        if pixels > MAX_DECODE_PIXELS:
            scale *= (MAX_DECODE_PIXELS / pixels) ** 0.5
        if scale < 1.0:
            reader.setScaledSize(
                QSize(max(1, round(stored.width() * scale)), max(1, round(stored.height() * scale)))
            )
    image = reader.read()
    if image.isNull():
        return LoadedFrame(request, path, frame, frames, image, full, reader.errorString())
    if not full.isValid():
        full = image.size()
    return LoadedFrame(request, path, frame, frames, image, full)


class ImageLoader(QObject):
    """Runs `decode` on a thread pool; `loaded(LoadedFrame)` arrives on the GUI thread.

    Pass the pool in (tests and the window share the global one by default).
    """

    loaded = Signal(object)
    _done = Signal(object)  # emitted on the worker thread, delivered queued

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._ids = count(1)
        self._done.connect(self.loaded)

    def request(self, path: Path, frame: int = 0, max_side: int = 0) -> int:
        """Starts decoding; returns the request id that the `LoadedFrame` will carry."""
        request = next(self._ids)
        done = self._done

        def work() -> None:
            result = decode(path, frame, max_side, request)
            with suppress(RuntimeError):  # the loader was deleted while we decoded
                done.emit(result)

        self._pool.start(work)
        return request
