"""Make zip-based office files (docx, xlsx) reproducible: same content, same bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile


def normalise_zip(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite the zip ``data`` with every entry dated ``when``, keeping the entries' order.

    The libraries stamp each zip entry with the time of writing, which would make two
    exports of the same session differ; the session's own date is used instead.
    """
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
