"""kzextract: information extraction for Kazakh-language news.

``extract_text`` (one article), ``extract`` (a batch into Parquet) and ``load`` (a spaCy pipeline)
are imported on first use, so ``import kzextract`` stays cheap.
"""

__version__ = "0.1.0"
__all__ = ["Document", "extract", "extract_text", "load"]


def __getattr__(name: str):
    if name in ("extract", "extract_text", "load"):
        from . import api

        return getattr(api, name)
    if name == "Document":
        from .document import Document

        return Document
    raise AttributeError(f"module 'kzextract' has no attribute {name!r}")
