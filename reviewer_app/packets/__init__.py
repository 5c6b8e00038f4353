"""Review packets and returns: scoring offline on other computers (Qt-free).

A lead exports a packet (submissions, definitions, who scores what); an assessor imports
it into their own data folder, scores as usual and exports a return; the lead imports
the return. Both files carry a manifest of hashes and are checked whole before anything
changes; a return is authenticated with a key that only its packet carries, and a packet
made under blind review names no earner. See docs/packets.md.
"""

from reviewer_app.packets.manifest import ArchiveRejected, PacketError
from reviewer_app.packets.packet import (
    ExportedPacket,
    ImportedPacket,
    export_packet,
    import_packet,
    list_packets,
)
from reviewer_app.packets.returns import (
    ConflictView,
    ExportedReturn,
    ImportedReturn,
    export_return,
    import_return,
    list_conflicts,
    resolve_conflict,
)

__all__ = [
    "ArchiveRejected",
    "ConflictView",
    "ExportedPacket",
    "ExportedReturn",
    "ImportedPacket",
    "ImportedReturn",
    "PacketError",
    "export_packet",
    "export_return",
    "import_packet",
    "import_return",
    "list_conflicts",
    "list_packets",
    "resolve_conflict",
]
