"""Fetching an article from a URL a teacher gives, without letting anyone use the server to reach its own
network (SSRF).

Only http and https. The host is resolved and every address it resolves to must be public (not private,
loopback, link-local, reserved, multicast or unspecified); the request then goes to one of those checked
addresses (with the original Host header and TLS server name), so a second DNS answer cannot swap in
another. Redirects are followed by hand, each hop checked the same way. Only HTML and plain text are read,
at most `max_bytes`.

The whole fetch (every name looked up, connection, TLS handshake, header and body byte, on every redirect hop)
runs under one deadline of `timeout` seconds that cancels it and closes its connection when it passes: a
server that sends a byte now and then never times out a single read, so per-read limits do not bound it.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import anyio
import anyio.to_thread
import httpx

from quizgen.errors import QuizgenError

SCHEMES = {"http": 80, "https": 443}
MAX_REDIRECTS = 5
MAX_URL = 2000
# media type -> the quizgen input format to read it as (None: guess from the content)
TEXT_TYPES: dict[str, str | None] = {
    "text/html": "html", "application/xhtml+xml": "html", "text/plain": None, "text/markdown": "markdown",
    "text/x-markdown": "markdown", "text/x-wiki": "wikitext",
}
USER_AGENT = "quizgen-article-fetcher"

Resolver = Callable[[str, int], list[str]]
IP = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchRefused(QuizgenError):
    """A URL that will not be fetched, or a response that will not be read; the message says why."""


def resolve(host: str, port: int) -> list[str]:
    """Every address the host name resolves to."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052: the last 32 bits are the IPv4 address reached


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one reaches: IPv4-mapped (::ffff:a.b.c.d), 6to4 (2002:AABB:CCDD::), NAT64."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def refusal(ip: IP, *, allow_loopback: bool = False) -> str | None:
    """Why this address may not be fetched from, or None when it is a public one. An IPv6 address that carries
    an IPv4 one is judged by that (Python counts 2002:7f00:1::, which reaches 127.0.0.1, as global)."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = embedded_ipv4(ip)
        if inner is not None:
            return refusal(inner, allow_loopback=allow_loopback)
    if ip.is_loopback:
        return None if allow_loopback else "a loopback address (this server itself)"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_link_local:
        return "a link-local address (such as a cloud metadata service)"
    if ip.is_private:
        return "a private network address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_reserved:
        return "a reserved address"
    if not ip.is_global:
        return "not a public internet address"
    return None


@dataclass(frozen=True)
class Target:
    """A checked URL: where to connect (a checked address) and what to ask for."""

    url: str
    scheme: str
    host: str
    port: int
    address: str


def _parts(url: str) -> tuple[str, str, str, int]:
    """(url, scheme, host, port) of an address that may be fetched if its host is public; FetchRefused if not."""
    url = url.strip()
    if not url:
        raise FetchRefused("Give the address of the article's page.")
    if len(url) > MAX_URL:
        raise FetchRefused(f"That address is too long (at most {MAX_URL} characters).")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchRefused("That is not a web address.") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise FetchRefused("Only http:// and https:// addresses can be fetched.")
    if parts.username is not None or parts.password is not None:
        raise FetchRefused("Addresses with a user name or password in them are not fetched.")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchRefused("That address names no host.")
    return url, scheme, host, port or SCHEMES[scheme]


def _known_addresses(host: str) -> list[str] | None:
    """The addresses of a host that needs no look-up: an address in any form the C library reads (127.1,
    2130706433, ::1) or a name under localhost, which is always this machine; None for other names."""
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return ["127.0.0.1"]
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
    except (OSError, UnicodeError):
        return None
    return sorted({str(info[4][0]) for info in infos})


def _target(url: str, scheme: str, host: str, port: int, addresses: list[str], *, allow_loopback: bool) -> Target:
    if not addresses:
        raise FetchRefused(f"The host {host} could not be found.")
    for address in addresses:
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            raise FetchRefused(f"The host {host} resolves to something that is not an address.") from None
        reason = refusal(ip, allow_loopback=allow_loopback)
        if reason is not None:
            subject = host if host == str(ip) else f"{host} (at {ip})"
            raise FetchRefused(f"{subject} is {reason}; only public web addresses can be fetched.")
    return Target(url=url, scheme=scheme, host=host, port=port, address=addresses[0].split("%", 1)[0])


def _lookup(resolver: Resolver, host: str, port: int) -> list[str]:
    try:
        return resolver(host, port)
    except (OSError, UnicodeError):
        raise FetchRefused(f"The host {host} could not be found.") from None


def check_url(url: str, *, allow_loopback: bool = False, resolver: Resolver = resolve) -> Target:
    """The URL's target if it may be fetched; FetchRefused (before any connection is made) if not."""
    url, scheme, host, port = _parts(url)
    addresses = _known_addresses(host)
    if addresses is None:
        addresses = _lookup(resolver, host, port)
    return _target(url, scheme, host, port, addresses, allow_loopback=allow_loopback)


def check_url_offline(url: str, *, allow_loopback: bool = False) -> None:
    """FetchRefused for what can be refused without the network: the form of the address, and a host that is
    a non-public address or localhost. A host name is checked when the fetch looks it up."""
    url, scheme, host, port = _parts(url)
    addresses = _known_addresses(host)
    if addresses is not None:
        _target(url, scheme, host, port, addresses, allow_loopback=allow_loopback)


async def _check_url_within_deadline(url: str, hosts: list[str], *, allow_loopback: bool, resolver: Resolver) -> Target:
    """check_url, with the look-up in a thread that the deadline abandons (a resolver cannot be interrupted);
    the host goes on `hosts`, for a message naming who was too slow."""
    url, scheme, host, port = _parts(url)
    hosts.append(host)
    addresses = _known_addresses(host)
    if addresses is None:
        addresses = await anyio.to_thread.run_sync(_lookup, resolver, host, port, abandon_on_cancel=True)
    return _target(url, scheme, host, port, addresses, allow_loopback=allow_loopback)


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: str
    input_format: str | None


def _request(client: httpx.AsyncClient, target: Target) -> httpx.Request:
    """A request that goes to the checked address but names the host, so virtual hosts and TLS still work."""
    url = httpx.URL(target.url)
    ip = ipaddress.ip_address(target.address)
    pinned = url.copy_with(host=str(ip))
    default = SCHEMES[target.scheme]
    host_header = target.host if ":" not in target.host else f"[{target.host}]"
    if target.port != default:
        host_header += f":{target.port}"
    headers = {"Host": host_header, "User-Agent": USER_AGENT, "Accept-Encoding": "identity",
               "Accept": "text/html, text/plain;q=0.9, text/markdown;q=0.9, */*;q=0.1"}
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    return client.build_request("GET", pinned, headers=headers, extensions=extensions)


def fetch(url: str, *, max_bytes: int, timeout: float, allow_loopback: bool = False, resolver: Resolver = resolve,
          transport: httpx.AsyncBaseTransport | None = None) -> Fetched:
    """The article page's text, all of it within `timeout` seconds; FetchRefused names what went wrong.
    The fetch runs on an event loop of its own in a thread of its own, so any thread may call this, one
    running an event loop too."""
    hosts: list[str] = []  # the hosts asked, for the message

    async def within_deadline() -> Fetched:
        with anyio.fail_after(timeout):
            return await _fetch(url, hosts, max_bytes=max_bytes, allow_loopback=allow_loopback, resolver=resolver,
                                transport=transport)

    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="quizgen-fetch") as thread:
            return thread.submit(anyio.run, within_deadline).result()
    except TimeoutError:
        who = hosts[-1] if hosts else "The server"
        raise FetchRefused(f"{who} did not send the page within {timeout:g} second{'' if timeout == 1 else 's'}: "
                           f"it is too slow or does not answer.") from None


async def _fetch(url: str, hosts: list[str], *, max_bytes: int, allow_loopback: bool, resolver: Resolver,
                 transport: httpx.AsyncBaseTransport | None) -> Fetched:
    # no per-read timeouts: the caller's deadline bounds the whole fetch
    async with httpx.AsyncClient(transport=transport, trust_env=False, follow_redirects=False,
                                 timeout=None) as client:
        for _ in range(MAX_REDIRECTS + 1):
            target = await _check_url_within_deadline(url, hosts, allow_loopback=allow_loopback, resolver=resolver)
            try:
                response = await client.send(_request(client, target), stream=True)
            except httpx.HTTPError as exc:
                raise FetchRefused(f"{target.host} could not be reached ({type(exc).__name__}).") from None
            try:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    if not location:
                        raise FetchRefused("The page redirects without saying where to.")
                    url = urljoin(url, location)
                    continue
                return await _read(response, url, max_bytes=max_bytes)
            finally:
                await response.aclose()
    raise FetchRefused(f"The page redirects more than {MAX_REDIRECTS} times.")


async def _read(response: httpx.Response, url: str, *, max_bytes: int) -> Fetched:
    from quizgen.ingest import decode

    if response.status_code != 200:
        raise FetchRefused(f"The server answered {response.status_code} {response.reason_phrase}, not the page.")
    media = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media not in TEXT_TYPES:
        raise FetchRefused(f"That address gives {media or 'something of no stated type'}, not a web page or text.")
    limit_mb = f"{max_bytes / (1024 * 1024):g} MB"
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise FetchRefused(f"The page is larger than {limit_mb}.")
    data = bytearray()
    try:
        async for chunk in response.aiter_bytes():
            data += chunk
            if len(data) > max_bytes:
                raise FetchRefused(f"The page is larger than {limit_mb}.")
    except httpx.HTTPError as exc:
        raise FetchRefused(f"The page could not be read ({type(exc).__name__}).") from None
    charset = (response.charset_encoding or "").lower()
    if charset and charset not in ("utf-8", "utf8"):
        try:
            content = bytes(data).decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise FetchRefused(f"The page is not readable as {charset} text.") from None
    else:
        content = decode(bytes(data), url)
    return Fetched(url=url, content=content, input_format=TEXT_TYPES[media])
