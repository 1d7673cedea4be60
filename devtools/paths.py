"""Where a checkout keeps what the developer tools read and write."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project's read-only shared material (KazNERD, UD Kazakh) beside the checkout.
SHARED_DIR = Path(os.environ.get("KZEXTRACT_SHARED", ROOT.parent / "shared"))
