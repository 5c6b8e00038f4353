"""The evidence viewer: the items of one submission, and a viewer for each kind of file.

`EvidencePanel` is what the main window embeds; the views (`PdfView`, `ImageView`,
`TextView`, `OtherView`) also work on their own. Page and frame numbers in every public
method are 1-based, as people and the search index count them.
"""

from reviewer_app.ui.evidence.image_view import ImageView
from reviewer_app.ui.evidence.other_view import OtherView
from reviewer_app.ui.evidence.panel import EvidencePanel
from reviewer_app.ui.evidence.pdf_view import PdfView
from reviewer_app.ui.evidence.text_view import TextView

__all__ = ["EvidencePanel", "ImageView", "OtherView", "PdfView", "TextView"]
