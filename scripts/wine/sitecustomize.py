"""Stand-ins for three calls Wine 8.0 lacks, so that a Windows CPython 3.13 runs the tests under it.

Loaded by the Windows Python of scripts/wine/run.sh only (it is in that Python's search path, not the
project's). Each replaces a Wine gap by what CPython itself does on a Windows without the call.
"""

from __future__ import annotations

import _winapi
import msvcrt
import platform
from typing import Any

# shutil.copy2 calls kernel32's CopyFile2 when _winapi offers it, and its portable copy otherwise.
if hasattr(_winapi, "CopyFile2"):
    del _winapi.CopyFile2

# Wine's _locking fails on a range another handle locked with errno 0, where Windows sets EACCES (13,
# a locking violation): told as Windows tells it, so that portalocker reports the lock as held.
_locking = msvcrt.locking


def _locking_as_windows(fd: int, mode: int, nbytes: int) -> None:
    try:
        _locking(fd, mode, nbytes)
    except OSError as exc:
        if exc.errno == 0:
            raise PermissionError(13, "Permission denied") from None
        raise


msvcrt.locking = _locking_as_windows


# platform.win32_ver() asks WMI first, which reaches propsys' VariantToString (missing: Wine aborts);
# when the query raises OSError it reads sys.getwindowsversion() instead.
def _no_wmi(*args: Any, **kwargs: Any) -> Any:
    raise OSError("WMI is not available under Wine 8.0")


platform._wmi_query = _no_wmi  # type: ignore[attr-defined]
