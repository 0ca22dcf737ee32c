"""The addresses the chair may open the room on: loopback first, then this laptop's own network addresses.

Found without sending anything: the host's names, each interface's IPv4 address where the system tells
it (Linux), and the address a UDP socket would leave from (``connect`` on UDP sends no packet).
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import struct

LOOPBACK = "127.0.0.1"
_NOWHERE = "192.0.2.1"  # TEST-NET-1 (RFC 5737): never routed, only used to ask which address would be used


def local_addresses() -> list[str]:
    """Loopback, then each usable IPv4 address of this computer (Wi-Fi, Ethernet, hotspot), without repeats."""
    found: list[str] = []
    with contextlib.suppress(OSError):
        found.extend(_interface_addresses())
    with contextlib.suppress(OSError):
        found.append(_outgoing_address())
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    usable = [a for a in dict.fromkeys(found) if _usable(a)]
    return [LOOPBACK, *usable]


def _usable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast)


def _outgoing_address() -> str:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect((_NOWHERE, 9))
        return str(probe.getsockname()[0])


def _interface_addresses() -> list[str]:
    """Each interface's IPv4 address, where the system offers the ioctl (Linux); [] elsewhere."""
    try:
        import fcntl
    except ImportError:
        return []
    addresses = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _index, name in socket.if_nameindex():
            request = struct.pack("256s", name.encode()[:15])
            with contextlib.suppress(OSError):
                answer = fcntl.ioctl(probe.fileno(), 0x8915, request)  # SIOCGIFADDR
                addresses.append(socket.inet_ntoa(answer[20:24]))
    return addresses
