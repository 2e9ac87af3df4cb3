"""The URL fetcher for new articles: it refuses private and loopback addresses (checked before any
connection, on every redirect hop), connects only to the address it checked, and reads only HTML or text up to
the size limit and within one deadline for the whole fetch. Fetches that do connect read from local test servers,
with loopback allowed."""

from __future__ import annotations

import asyncio
import ipaddress
import re
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from webtests import HTML, SlowServer, refusing_transport

from web.fetch import FetchRefused, check_url, fetch, refusal

PRIVATE = ["http://127.0.0.1/", "http://localhost/", "http://10.0.0.1/", "http://192.168.1.1/",
           "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/",
           "http://172.16.5.4:8080/", "http://100.64.0.1/", "http://224.0.0.1/", "http://[fe80::1]/",
           "http://127.1/", "http://2130706433/",
           # IPv6 addresses that reach a private IPv4 one: 6to4, NAT64 (well-known and local-use), IPv4-mapped,
           # IPv4-compatible, IPv4-translated
           "http://[2002:7f00:1::]/", "http://[2002:a00:1::1]/", "http://[2002:a9fe:a9fe::]/", "http://[64:ff9b::7f00:1]/",
           "http://[64:ff9b::10.0.0.1]/", "http://[64:ff9b:1::a00:1]/", "http://[::ffff:10.0.0.1]/", "http://[::127.0.0.1]/",
           "http://[::ffff:0:7f00:1]/"]


def no_dns(host: str, port: int) -> list[str]:
    raise AssertionError(f"no name may be looked up in this test ({host})")


@pytest.mark.parametrize("url", PRIVATE)
def test_private_and_loopback_addresses_are_refused(url: str) -> None:
    # literal addresses are never looked up; localhost and the short forms of 127.0.0.1 resolve without
    # the network (/etc/hosts, inet_aton), and what they resolve to is refused before anything connects
    literal = url.split("/")[2].strip("[]").rsplit(":", 1)[0] not in ("localhost", "127.1", "2130706433")
    with pytest.raises(FetchRefused, match="only public web addresses"):
        check_url(url, **({"resolver": no_dns} if literal else {}))
    with pytest.raises(FetchRefused):
        fetch(url, max_bytes=1000, timeout=1, transport=refusing_transport())


@pytest.mark.parametrize("address", ["2002:808:808::1", "64:ff9b::808:808", "::ffff:8.8.8.8"])
def test_ipv6_addresses_that_reach_a_public_ipv4_one_are_allowed(address: str) -> None:
    assert check_url(f"http://[{address}]/", resolver=no_dns).address == address
    assert refusal(ipaddress.ip_address(address)) is None


def test_a_name_that_resolves_to_a_private_address_is_refused() -> None:
    with pytest.raises(FetchRefused, match=r"intranet.example \(at 10.1.2.3\) is a private network address"):
        check_url("https://intranet.example/", resolver=lambda host, port: ["93.184.216.34", "10.1.2.3"])
    target = check_url("https://news.example:8443/a?b=1", resolver=lambda host, port: ["93.184.216.34"])
    assert (target.host, target.port, target.address) == ("news.example", 8443, "93.184.216.34")


@pytest.mark.parametrize("url, message", [
    ("ftp://example.org/article.txt", "Only http:// and https://"), ("file:///etc/passwd", "Only http:// and https://"),
    ("javascript:alert(1)", "Only http:// and https://"), ("http://user:pw@example.org/", "user name or password"),
    ("http:///nohost", "names no host"), ("", "Give the address"), ("http://example.org:99999/", "not a web address"),
])
def test_other_bad_urls_are_refused(url: str, message: str) -> None:
    with pytest.raises(FetchRefused, match=re.escape(message)):
        check_url(url, resolver=no_dns)


def test_the_pinned_request_goes_to_the_checked_address_with_the_host_named() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/start":
            return httpx.Response(302, headers={"Location": "https://other.example/next"})
        return httpx.Response(200, headers={"Content-Type": "text/html; charset=utf-8"}, content=HTML.encode())

    addresses = {"news.example": ["93.184.216.34"], "other.example": ["151.101.1.1"]}
    fetched = fetch("https://news.example/start", max_bytes=100_000, timeout=5,
                    resolver=lambda host, port: addresses[host], transport=httpx.MockTransport(handler))
    assert [str(r.url) for r in seen] == ["https://93.184.216.34/start", "https://151.101.1.1/next"]
    assert [r.headers["Host"] for r in seen] == ["news.example", "other.example"]
    assert [r.extensions["sni_hostname"] for r in seen] == ["news.example", "other.example"]
    assert fetched.url == "https://other.example/next" and fetched.input_format == "html"


def test_fetch_may_be_called_from_a_thread_running_an_event_loop() -> None:
    # as the main thread of a test run is while Playwright's sync API is in use: the fetch has its own thread
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/plain"}, content=b"The city fell in 1453.")

    async def from_async_code() -> str:
        return fetch("http://news.example/", max_bytes=1000, timeout=5, resolver=lambda host, port: ["93.184.216.34"],
                     transport=httpx.MockTransport(handler)).content

    # in a thread of its own: this one may be running Playwright's loop already
    with ThreadPoolExecutor(max_workers=1) as thread:
        assert thread.submit(asyncio.run, from_async_code()).result() == "The city fell in 1453."


def test_a_redirect_to_a_private_address_is_refused_before_following_it() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(301, headers={"Location": "http://169.254.169.254/latest/meta-data/"})

    with pytest.raises(FetchRefused, match="169.254.169.254 is a link-local address"):
        fetch("http://news.example/", max_bytes=1000, timeout=5, resolver=lambda host, port: ["93.184.216.34"],
              transport=httpx.MockTransport(handler))
    assert seen == ["http://93.184.216.34/"]


# --- fetches that connect, to the local article server (conftest.article_server) ---------------------


def local_fetch(url: str) -> object:
    return fetch(url, max_bytes=5 * 1024 * 1024, timeout=10, allow_loopback=True)


def test_fetching_from_the_local_server_with_loopback_allowed(article_server: str) -> None:
    fetched = local_fetch(f"{article_server}/moved")
    assert fetched.url == f"{article_server}/article.html"  # type: ignore[attr-defined]
    assert "Suleiman the Magnificent" in fetched.content  # type: ignore[attr-defined]
    # loopback is all the setting allows: a redirect from there to a private network is still refused
    with pytest.raises(FetchRefused, match="10.0.0.1 is a private network address"):
        local_fetch(f"{article_server}/to-private")
    with pytest.raises(FetchRefused, match="loopback"):
        fetch(f"{article_server}/article.html", max_bytes=1000, timeout=5)


@pytest.mark.parametrize("path, message", [
    ("/big-declared", "larger than 5 MB"), ("/big-streamed", "larger than 5 MB"),
    ("/picture.png", "gives image/png, not a web page or text"), ("/missing", "answered 404"),
])
def test_too_large_and_non_text_responses_are_refused(article_server: str, path: str, message: str) -> None:
    with pytest.raises(FetchRefused, match=re.escape(message)):
        local_fetch(f"{article_server}{path}")


# --- the deadline: one for the whole fetch, however the time is spent -------------------------------


def test_headers_sent_a_byte_a_second_are_cut_off_at_the_deadline(slow_server: SlowServer) -> None:
    start = time.monotonic()
    with pytest.raises(FetchRefused, match=r"^127\.0\.0\.1 did not send the page within 2 seconds"):
        fetch(f"{slow_server.url}/trickle", max_bytes=1000, timeout=2, allow_loopback=True)
    took = time.monotonic() - start
    assert 2 <= took < 4, took
    [connection] = slow_server.connections
    assert connection.sent >= 1  # it was cut off in the middle of the headers, which kept coming
    assert slow_server.wait_closed(connection, timeout=2) - start < 4  # and its connection was closed then


def test_the_deadline_covers_every_redirect_hop(slow_server: SlowServer) -> None:
    # each hop answers within 1.2 s, well inside any limit on one read or one request; six would take 7 s
    start = time.monotonic()
    with pytest.raises(FetchRefused, match="did not send the page within 3 seconds"):
        fetch(f"{slow_server.url}/hop", max_bytes=1000, timeout=3, allow_loopback=True)
    took = time.monotonic() - start
    assert 3 <= took < 5, took
    assert 2 <= len(slow_server.connections) <= 3
    assert slow_server.wait_closed(slow_server.connections[-1], timeout=2) - start < 5


def test_the_deadline_covers_looking_up_the_name() -> None:
    def slow_dns(host: str, port: int) -> list[str]:
        time.sleep(5)  # a name server that takes its time
        return ["93.184.216.34"]

    start = time.monotonic()
    with pytest.raises(FetchRefused, match="news.example did not send the page within 1 second:"):
        fetch("http://news.example/", max_bytes=1000, timeout=1, resolver=slow_dns, transport=refusing_transport())
    assert time.monotonic() - start < 3
