#!/usr/bin/env python3
"""A soak of offsite-gateway: three gateway processes on one PostgreSQL database under load, one
of them killed with `kill -9` every KILL_INTERVAL seconds and restarted on the same port, and a
storefront that answers 500 to a third of the callbacks. At the end it waits for the callback
queue to drain and reports, from the database and from what the storefront and the shoppers saw:
payments by final status, charges (and doubled or stranded ones), callbacks queued, sent,
delivered and lost, over-refunds, and HTTP errors apart from requests to a killed process.

Expected: 0 lost, 0 doubled, 0 over-refunds. The exit status is 1 if any of those (or a
stranded charge: approved, payment unpaid) is not 0; 2 if only HTTP errors or other anomalies
were seen (ledger mismatches, states out of order, panics, a callback delivered twice with no
kill to explain it); 0 when clean.

    cargo build --release
    python3 scripts/soak.py                                   # 600 s, a kill every 30 s
    python3 scripts/soak.py --duration 90 --json /tmp/soak.json

Python 3.11 standard library only, plus the `psql` client (to create the database and read the
results). It builds nothing: give it a gateway binary (`--binary`). By default it creates a fresh
database `soak_<timestamp>` on postgres://postgres@127.0.0.1:5432 (dropped after a clean run,
kept otherwise or with `--keep-db`); `--database-url` names one to use instead (it must be empty).
The merchants are made with the binary's own `merchant create`, before the first start, so no
sandbox merchant is created. Each process logs to a file in a temporary directory (printed).

Not a CI test: it runs for minutes and its figures depend on the machine.
"""

from __future__ import annotations

import argparse
import base64
import collections
import hashlib
import hmac
import html
import http.client
import http.server
import itertools
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

# ------------------------------------------------------------------------------------------
# The protocol's signature (protocol.md section 4).


def signature(fields: dict[str, str], secret: str) -> str:
    """Lower-case hex HMAC-SHA256 of every x_ field but x_signature, sorted, name then value."""
    message = "".join(
        name + value
        for name, value in sorted(fields.items())
        if name.startswith("x_") and name != "x_signature"
    )
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def signed(fields: dict[str, str], secret: str) -> dict[str, str]:
    return {**fields, "x_signature": signature(fields, secret)}


def verified(fields: dict[str, str], secrets_by_account: dict[str, str]) -> bool:
    secret = secrets_by_account.get(fields.get("x_account_id", ""))
    given = fields.get("x_signature", "").lower()
    return secret is not None and hmac.compare_digest(signature(fields, secret), given)


def strict_fields(text: str) -> dict[str, str] | None:
    """Form or query fields, or None if malformed or a name appears twice."""
    try:
        pairs = urllib.parse.parse_qsl(text, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return None
    fields = dict(pairs)
    return fields if len(fields) == len(pairs) else None


def money_text(minor: int, digits: int) -> str:
    if digits == 0:
        return str(minor)
    return f"{minor // 10**digits}.{minor % 10**digits:0{digits}d}"


# ------------------------------------------------------------------------------------------
# Counters and the errors worth reading, shared by every thread.


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.counts: collections.Counter[str] = collections.Counter()
        self.errors: list[dict] = []

    def add(self, key: str, n: int = 1) -> None:
        with self.lock:
            self.counts[key] += n

    def error(self, kind: str, **detail) -> None:
        """An HTTP error or an unexpected answer from a live process."""
        with self.lock:
            self.counts["error:" + kind] += 1
            if len(self.errors) < 200:
                self.errors.append({"kind": kind, "at": round(time.time(), 3), **detail})

    def errors_total(self) -> int:
        with self.lock:
            return sum(v for k, v in self.counts.items() if k.startswith("error:"))


# ------------------------------------------------------------------------------------------
# The gateway processes.


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gateway:
    """One `offsite-gateway serve` on a fixed loopback port, restartable."""

    def __init__(self, index: int, binary: str, port: int, env: dict[str, str], logdir: str):
        self.index, self.binary, self.port = index, binary, port
        self.env = {**env, "GATEWAY_LISTEN": f"127.0.0.1:{port}"}
        self.log_path = os.path.join(logdir, f"gateway-{index}.log")
        self.proc: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> None:
        log = open(self.log_path, "ab")
        log.write(f"\n=== start {self.starts + 1} at {time.strftime('%H:%M:%S')}\n".encode())
        log.flush()
        self.proc = subprocess.Popen(
            [self.binary, "serve"], env=self.env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        log.close()
        self.starts += 1

    def wait_ready(self, timeout: float = 30.0) -> float:
        """Seconds until /readyz answers 200."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"gateway {self.index} exited with {self.proc.returncode}; "
                                   f"see {self.log_path}")
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                c.request("GET", "/readyz")
                if c.getresponse().status == 200:
                    c.close()
                    return time.monotonic() - started
                c.close()
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"gateway {self.index} not ready after {timeout} s; see {self.log_path}")

    def kill9(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self, timeout: float = 30.0) -> int | None:
        """SIGTERM and wait: the exit status (None if it had to be killed)."""
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None


class Fleet:
    def __init__(self, gateways: list[Gateway]):
        self.gateways = gateways
        self.ports = [g.port for g in gateways]
        self._rr = itertools.count()
        self._lock = threading.Lock()
        self.next_victim = 0
        # POSTs in flight per process: the killer waits for one, so kills cut pay steps and
        # operations in the middle instead of landing between requests.
        self.posts_in_flight = [0] * len(gateways)
        self.pays_in_flight = [0] * len(gateways)
        self.killed_at = [0.0] * len(gateways)  # time.monotonic() of each one's last kill

    def in_flight(self, index: int, path: str, delta: int) -> None:
        with self._lock:
            self.posts_in_flight[index] += delta
            if path.startswith("/pay/"):
                self.pays_in_flight[index] += delta

    def next_index(self) -> int:
        with self._lock:
            return next(self._rr) % len(self.ports)


# ------------------------------------------------------------------------------------------
# HTTP with fail-over: a request to a killed process is retried on the next one.

CUT = (http.client.RemoteDisconnected, http.client.IncompleteRead, ConnectionResetError,
       BrokenPipeError, ConnectionAbortedError, http.client.BadStatusLine)


class Unavailable(Exception):
    """No process answered within the request's deadline."""


class Cut(Unavailable):
    """The process was killed during the request, and the caller asked not to retry it."""


class Response:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes, port: int):
        self.status, self.headers, self.body, self.port = status, headers, body, port

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


class Client:
    """One per thread: a kept-alive connection per process."""

    def __init__(self, fleet: Fleet, stats: Stats, timeout: float):
        self.fleet, self.stats, self.timeout = fleet, stats, timeout
        self.conns: dict[int, http.client.HTTPConnection] = {}

    def _once(self, port: int, method: str, path: str, body: bytes | None, headers: dict):
        reused = port in self.conns
        for fresh in ([False, True] if reused else [True]):
            if fresh:
                self.conns.pop(port, None)
                self.conns[port] = http.client.HTTPConnection("127.0.0.1", port,
                                                              timeout=self.timeout)
            conn = self.conns[port]
            try:
                conn.request(method, path, body=body, headers=headers)
                r = conn.getresponse()
                data = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    conn.close()
                    self.conns.pop(port, None)
                return r.status, r.headers, data
            except CUT:
                conn.close()
                self.conns.pop(port, None)
                if fresh:
                    raise
                # A kept-alive connection the server closed, or a process restarted since:
                # try once more on a new connection before calling the process unavailable.
            except BaseException:
                conn.close()
                self.conns.pop(port, None)
                raise
        raise AssertionError("unreachable")

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None, prefer: int | None = None,
                deadline: float = 90.0, retry_cut: bool = True) -> Response:
        headers = headers or {}
        started = time.monotonic()
        index = prefer if prefer is not None else self.fleet.next_index()
        tries = 0
        while True:
            port = self.fleet.ports[index]
            posting = method == "POST"
            if posting:
                self.fleet.in_flight(index, path, 1)
            sent_at = time.monotonic()
            try:
                status, hdrs, data = self._once(port, method, path, body, headers)
                self.stats.add("requests")
                if status >= 500:
                    self.stats.error("5xx", status=status, method=method, path=path, port=port,
                                     body=data[:300].decode("utf-8", "replace"))
                return Response(status, hdrs, data, port)
            except (ConnectionRefusedError, *CUT):
                # Cut: the process was killed while this request was on its way or in it;
                # refused: it was down already (a kept-alive connection to it breaks too).
                cut = self.fleet.killed_at[index] >= sent_at
                self.stats.add("unavailable_cut" if cut else "unavailable_refused")
                if cut:
                    self.stats.add(f"cut {method} /{path.split('/')[1].split('?')[0]}")
                    if not retry_cut:
                        raise Cut(f"{method} {path}: cut by a kill")
            except (socket.timeout, TimeoutError):
                self.stats.error("timeout", method=method, path=path, port=port)
            finally:
                if posting:
                    self.fleet.in_flight(index, path, -1)
            tries += 1
            if time.monotonic() - started > deadline:
                raise Unavailable(f"{method} {path}: no process answered in {deadline:.0f} s")
            index = (index + 1) % len(self.fleet.ports)
            if tries % len(self.fleet.ports) == 0:
                time.sleep(0.25)


def get_url(url: str, timeout: float = 10.0) -> tuple[int, bytes]:
    """A plain GET (the shopper's browser arriving back at the storefront)."""
    u = urllib.parse.urlsplit(url)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        c.request("GET", u.path + ("?" + u.query if u.query else ""))
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


# ------------------------------------------------------------------------------------------
# The storefront: receives callbacks (a third answered 500) and shoppers' returns.


class Storefront:
    def __init__(self, secrets_by_account: dict[str, str], seed: int, fail_share: float,
                 stats: Stats):
        self.secrets = secrets_by_account
        self.rng = random.Random(seed)
        self.fail_share = fail_share
        self.stats = stats
        self.lock = threading.Lock()
        self.deliveries: list[dict] = []
        self.returns = collections.Counter()
        store = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def answer(self, status: int, text: str) -> None:
                data = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.answer(*store.callback(self.path, self.headers.get("Content-Type", ""), raw))

            def do_GET(self):
                self.answer(*store.browser_return(self.path))

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 256

            def handle_error(self, request, client_address):
                # A killed gateway drops its kept-alive connections: expected here.
                if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
                    super().handle_error(request, client_address)

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def callback(self, path: str, content_type: str, raw: bytes) -> tuple[int, str]:
        at = time.time()
        text = raw.decode("utf-8", "replace")
        fields = strict_fields(text) if path.startswith("/callback") else None
        ok = fields is not None and verified(fields, self.secrets)
        form = content_type.split(";")[0].strip() == "application/x-www-form-urlencoded"
        with self.lock:
            fail = self.rng.random() < self.fail_share
        status = 401 if not (ok and form) else (500 if fail else 200)
        record = {
            "at": at,
            "digest": hashlib.sha256(raw).hexdigest(),
            "status": status,
            "signature_ok": ok,
        }
        for name in ("x_reference", "x_gateway_reference", "x_result", "x_transaction_type",
                     "x_amount", "x_message", "x_timestamp"):
            record[name] = (fields or {}).get(name)
        with self.lock:
            self.deliveries.append(record)
        if not ok:
            self.stats.error("callback_bad_signature", path=path, body=text[:300])
        elif not form:
            self.stats.error("callback_content_type", content_type=content_type)
        return status, {200: "ok", 500: "try again later", 401: "bad signature"}[status]

    def browser_return(self, path: str) -> tuple[int, str]:
        u = urllib.parse.urlsplit(path)
        if u.path == "/cancel":
            with self.lock:
                self.returns["cancel"] += 1
            return 200, "cancelled"
        fields = strict_fields(u.query)
        if u.path != "/complete" or fields is None or not verified(fields, self.secrets):
            self.stats.error("return_bad_signature", path=path[:300])
            return 400, "bad return"
        with self.lock:
            self.returns[fields.get("x_result", "?")] += 1
        return 200, "thank you"


def at_once(call, n: int = 2) -> list:
    """call(0) ... call(n - 1), each on its own thread, released together; their results."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def run(k: int) -> None:
        barrier.wait()
        results[k] = call(k)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


# ------------------------------------------------------------------------------------------
# The hosted page, read as a browser without JavaScript would.


def attribute(pattern: str, text: str) -> str | None:
    m = re.search(pattern, text)
    return html.unescape(m.group(1)) if m else None


def read_page(text: str) -> dict:
    page: dict = {"csrf": attribute(r'name="csrf_token" value="([^"]*)"', text)}
    attempt = attribute(r'name="attempt" value="(\d+)"', text)
    page["attempt"] = int(attempt) if attempt is not None else None
    page["cancel"] = attribute(r'id="cancel-link" href="([^"]*)"', text)
    if 'id="payment-form"' in text:
        page["kind"] = "form"
        page["action"] = attribute(r'id="payment-form" method="post" action="([^"]*)"', text)
    elif 'id="challenge-form"' in text:
        page["kind"] = "challenge"
        page["action"] = attribute(r'id="challenge-form" method="post" action="([^"]*)"', text)
    elif 'id="outcome"' in text:
        page["kind"] = "outcome"
        page["return"] = attribute(r'id="return-link"[^>]*href="([^"]*)"', text)
    else:
        page["kind"] = "other"
    return page


def path_of(location: str) -> str:
    u = urllib.parse.urlsplit(location)
    return u.path + ("?" + u.query if u.query else "")


# What a shopper does on the page; the page's attempt number (declines so far) picks the card.
APPROVE = "4242424242424242"
DECLINE, NO_FUNDS, PROC_ERROR = "4000000000000002", "4000000000009995", "4000000000000119"
PENDING, THREE_DS = "4000000000000077", "4000000000003220"
MASTERCARD, AMEX = "5555555555554444", "378282246310005"
PLANS = [  # (weight, name, steps); a step is (card, 3-D Secure decision) or an action
    (40, "approve", [(APPROVE, None)]),
    (6, "decline, approve", [(DECLINE, None), (APPROVE, None)]),
    (4, "no funds, approve", [(NO_FUNDS, None), (APPROVE, None)]),
    (4, "processor error, approve", [(PROC_ERROR, None), (APPROVE, None)]),
    (5, "three declines", [(DECLINE, None), (NO_FUNDS, None), (PROC_ERROR, None)]),
    (10, "3-D Secure approved", [(THREE_DS, "approve")]),
    (4, "3-D Secure denied, approve", [(THREE_DS, "deny"), (APPROVE, None)]),
    (8, "pending", [(PENDING, None)]),
    (4, "mastercard", [(MASTERCARD, None)]),
    (2, "amex", [(AMEX, None)]),
    (4, "cancel", [("cancel", None)]),
    (3, "abandon", [("abandon", None)]),
]
CURRENCIES = [("USD", 2)] * 6 + [("EUR", 2)] * 3 + [("JPY", 0)]


class Order:
    """What one shopper knows of one payment: the client-side model of its money."""

    def __init__(self, reference: str, account: str, currency: str, digits: int, minor: int,
                 kind: str, plan: str):
        self.reference, self.account = reference, account
        self.currency, self.digits, self.minor = currency, digits, minor
        self.kind, self.plan = kind, plan
        self.gateway_reference: str | None = None
        self.result: str | None = None  # completed / failed / pending / cancelled / ...
        self.authorized = self.captured = self.refunded = 0
        self.voided = False
        self.ops: list[dict] = []  # answered 200: {"id", "kind", "amount", "callback"}
        self.om_abandoned = 0  # order-management requests no process answered
        self.lock = threading.Lock()  # the two requests of a race

    def expect(self, kind: str, amount: int) -> int:
        """The status the rules of protocol.md section 5 give this request now."""
        if kind == "capture":
            if self.kind != "authorization" or self.voided:
                return 409
            return 422 if amount <= 0 or self.captured + amount > self.authorized else 200
        if kind == "refund":
            if self.captured == 0 or self.voided:
                return 409
            return 422 if amount <= 0 or self.refunded + amount > self.captured else 200
        return 200 if self.kind == "authorization" and not self.voided and self.captured == 0 \
            else 409

    def applied(self, kind: str, amount: int) -> None:
        if kind == "capture":
            self.captured += amount
        elif kind == "refund":
            self.refunded += amount
        else:
            self.voided = True


class Soak:
    def __init__(self, args, fleet: Fleet, storefront: Storefront, merchants: list[dict],
                 stats: Stats):
        self.args, self.fleet, self.storefront, self.merchants = args, fleet, storefront, merchants
        self.secrets = {m["account_id"]: m["secret"] for m in merchants}
        self.stats = stats
        self.stop = threading.Event()
        self.run_id = secrets.token_hex(3)
        self._n = itertools.count(1)
        self.orders: list[Order] = []
        self.orders_lock = threading.Lock()
        self.kills: list[dict] = []
        self.kill_rng = random.Random(args.seed)

    def unexpected(self, kind: str, r: Response, **detail) -> None:
        """An answer the flow did not expect (a 5xx is already counted as one)."""
        if r.status < 500:
            self.stats.error(kind, status=r.status, port=r.port, body=r.text[:300], **detail)

    # -- the shopper -----------------------------------------------------------------------

    def shopper(self, i: int) -> None:
        rng = random.Random(self.args.seed * 1000 + i)
        client = Client(self.fleet, self.stats, self.args.request_timeout)
        while not self.stop.is_set():
            try:
                self.shop(rng, client)
            except Unavailable as e:
                self.stats.error("no_process_answered", detail=str(e))
            except Exception as e:  # a bug in this script, or an answer it cannot read
                self.stats.error("shopper_exception", detail=f"{type(e).__name__}: {e}")
                time.sleep(0.5)

    def shop(self, rng: random.Random, client: Client) -> None:
        n = next(self._n)
        merchant = rng.choice(self.merchants)
        secret = merchant["secret"]
        currency, digits = rng.choice(CURRENCIES)
        minor = rng.randint(500, 25000) if digits else rng.randint(100, 30000)
        kind = "authorization" if rng.random() < 0.35 else "sale"
        _, plan, steps = rng.choices(PLANS, weights=[p[0] for p in PLANS])[0]
        order = Order(f"soak-{self.run_id}-{n}", merchant["account_id"], currency, digits, minor,
                      kind, plan)
        sf = self.storefront.base
        fields = signed({
            "x_account_id": order.account,
            "x_amount": money_text(minor, digits),
            "x_currency": currency,
            "x_reference": order.reference,
            "x_shop_country": "US",
            "x_shop_name": "Soak Shop",
            "x_test": "true",
            "x_transaction_type": kind,
            "x_description": f"Soak order {n}",
            "x_url_callback": f"{sf}/callback",
            "x_url_cancel": f"{sf}/cancel?order={n}",
            "x_url_complete": f"{sf}/complete?order={n}",
        }, secret)
        body = urllib.parse.urlencode(fields).encode()
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        r = client.request("POST", "/checkout", body, form)
        if r.status != 303 or "/pay/" not in r.location:
            self.unexpected("checkout", r)
            return
        pay = path_of(r.location)
        with self.orders_lock:
            self.orders.append(order)
        self.stats.add("checkouts")
        if rng.random() < 0.05:  # the same signed request again, to another process
            again = client.request("POST", "/checkout", body, form)
            self.stats.add("checkout_replays")
            if again.status != 303 or path_of(again.location) != pay:
                self.unexpected("checkout_replay", again, location=again.location, expected=pay)
        self.pay(rng, client, order, pay, steps)
        if order.result == "completed" and rng.random() < self.args.om_share:
            self.manage(rng, client, order, secret)

    def pay(self, rng: random.Random, client: Client, order: Order, pay: str, steps) -> None:
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        seen: tuple | None = None
        waits = 0
        started = time.monotonic()
        while time.monotonic() - started < 120:
            r = client.request("GET", pay)
            if r.status != 200:
                self.unexpected("page", r, path=pay)
                return
            page = read_page(r.text)
            state = (page["kind"], page["attempt"])
            if state == seen:
                # The last submit changed nothing: it was cut by a kill before the processor
                # answered, or its attempt is still recorded as in flight until recovery.
                waits += 1
                self.stats.add("pay_waits")
                if waits > 60:
                    self.stats.error("pay_stuck", path=pay, state=str(state))
                    return
                time.sleep(1.0)
            seen = state
            if page["kind"] == "outcome":
                self.returned(order, page["return"] or "")
                return
            if page["kind"] not in ("form", "challenge") or page["attempt"] is None:
                self.stats.error("page_unreadable", path=pay, port=r.port, body=r.text[:300])
                return
            card, decision = steps[min(page["attempt"], len(steps) - 1)]
            if card == "abandon":
                order.result = "abandoned"
                return
            if card == "cancel":
                c = client.request("GET", path_of(page["cancel"]))
                if c.status == 303 and c.location.startswith(f"{self.storefront.base}/cancel"):
                    get_url(c.location)
                    order.result = "cancelled"
                    return
                continue  # not cancelled (the page moved on): look again
            if page["kind"] == "form":
                submitted = {
                    "csrf_token": page["csrf"], "attempt": str(page["attempt"]),
                    "cardholder_name": "Ada Lovelace", "card_number": card,
                    "card_expiry": "12/30", "card_cvc": "1234" if card == AMEX else "123",
                }
            else:
                submitted = {"csrf_token": page["csrf"], "attempt": str(page["attempt"]),
                             "decision": decision or "approve"}
            body = urllib.parse.urlencode(submitted).encode()
            try:
                if rng.random() < 0.05:
                    s = self.double_submit(page["action"], body, form)
                else:
                    # Half the shoppers whose submit is cut by a kill leave the page and come
                    # back later, as a browser without a retry would: the pay step is then
                    # completed by the gateway's recovery (GATEWAY_PAY_RECOVERY_AFTER).
                    s = client.request("POST", page["action"], body, form,
                                       retry_cut=rng.random() < 0.5)
            except Cut:
                self.stats.add("pay_cut_came_back_later")
                time.sleep(7)
                seen = None
                continue
            if s.status != 303:
                self.unexpected("pay_submit", s, path=page["action"])
                return
            if s.location.startswith(self.storefront.base):
                self.returned(order, s.location)
                return
        self.stats.error("pay_too_long", path=pay)

    def double_submit(self, action: str, body: bytes, headers: dict) -> Response:
        """The same form submitted twice at once, to two processes (a double click behind a
        load balancer): one charge, one outcome, and both answers say where the payment is."""
        first = self.fleet.next_index()

        def one(k: int) -> Response | None:
            client = Client(self.fleet, self.stats, self.args.request_timeout)
            try:
                return client.request("POST", action, body, headers,
                                      prefer=(first + k) % len(self.fleet.ports))
            except Unavailable:
                return None

        answers = [a for a in at_once(one) if a is not None]
        self.stats.add("pay_double_submits")
        if not answers:
            raise Unavailable(f"POST {action}: no process answered either submit")
        for a in answers[1:]:
            if a.status != 303:
                self.unexpected("pay_double_submit", a, path=action)
        return answers[0]

    def returned(self, order: Order, location: str) -> None:
        """The shopper back at the storefront: read (and check) the signed return values."""
        if location.startswith(f"{self.storefront.base}/cancel"):
            order.result = "cancelled"
            get_url(location)
            return
        fields = strict_fields(urllib.parse.urlsplit(location).query)
        if fields is None or not verified(fields, self.secrets):
            self.stats.error("return_unverified", location=location[:300])
            return
        order.result = fields.get("x_result")
        order.gateway_reference = fields.get("x_gateway_reference")
        if order.result == "completed":
            order.authorized = order.minor
            order.captured = order.minor if order.kind == "sale" else 0
        self.stats.add("returns_" + str(order.result))
        status, _ = get_url(location)
        if status != 200:
            self.stats.error("storefront_refused_return", status=status)

    # -- order management ------------------------------------------------------------------

    def operate(self, client: Client, order: Order, secret: str, kind: str, amount: int,
                rng: random.Random, prefer: int | None = None, racing: bool = False) -> int:
        """One signed capture/refund/void; the status, checked against the model (unless it
        races another request, whose winner is not known in advance)."""
        fields = {
            "x_account_id": order.account,
            "x_gateway_reference": order.gateway_reference or "",
            "x_reference": order.reference,
            "x_transaction_type": kind,
            "x_test": "true",
            "x_soak_op": secrets.token_hex(6),  # two intended refunds never look like a replay
        }
        if kind != "void":
            fields["x_amount"] = money_text(amount, order.digits)
            fields["x_currency"] = order.currency
        callback = rng.random() < 0.8
        if callback:
            fields["x_url_callback"] = f"{self.storefront.base}/callback"
        fields = signed(fields, secret)
        if rng.random() < 0.5:
            body = json.dumps(fields).encode()
            headers = {"Content-Type": "application/json"}
        else:
            body = urllib.parse.urlencode(fields).encode()
            headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if rng.random() < 0.3:
            headers["Idempotency-Key"] = "soak-" + secrets.token_hex(8)
        if prefer is None and rng.random() < 0.3:
            prefer = self.fleet.next_victim  # the process the killer takes next
        expected = None if racing else order.expect(kind, amount)
        try:
            r = client.request("POST", "/" + kind, body, headers, prefer=prefer)
        except Unavailable:
            with order.lock:
                order.om_abandoned += 1
            raise
        self.stats.add(f"om_{kind}_{r.status}")
        with order.lock:
            return self.judge(order, kind, amount, callback, expected, r)

    def judge(self, order: Order, kind: str, amount: int, callback: bool, expected: int | None,
              r: Response) -> int:
        try:
            answer = json.loads(r.body)
        except ValueError:
            answer = None
        if r.status == 200:
            if not isinstance(answer, dict) or not verified(answer, self.secrets) or \
                    answer.get("x_transaction_type") != kind or \
                    answer.get("x_result") != "completed":
                self.stats.error("om_answer_unverified", kind=kind, body=r.text[:300])
            order.applied(kind, amount)
            order.ops.append({"id": (answer or {}).get("x_gateway_reference"), "kind": kind,
                              "amount": amount, "callback": callback})
        elif not isinstance(answer, dict) or answer.get("x_result") != "failed":
            self.unexpected("om_refusal_unreadable", r, kind=kind)
        if expected is not None and r.status != expected:
            self.unexpected("om_unexpected_status", r, kind=kind, expected=expected,
                            reference=order.reference)
        elif expected is not None and expected != 200:
            self.stats.add(f"om_refused_as_expected_{kind}")
        return r.status

    def manage(self, rng: random.Random, client: Client, order: Order, secret: str) -> None:
        """Captures, refunds (several, partial, sometimes too much), voids."""
        op = lambda kind, amount=0: self.operate(client, order, secret, kind, amount, rng)  # noqa
        try:
            if order.kind == "authorization":
                if rng.random() < 0.25:
                    op("void")
                    if rng.random() < 0.5:
                        op("capture", order.minor)  # refused: voided
                    return
                if rng.random() < 0.15:
                    self.race(order, secret, rng, "capture")
                    op("capture", order.minor - order.captured)
                elif rng.random() < 0.5:
                    op("capture", order.minor)
                else:
                    first = max(1, order.minor * rng.randint(30, 70) // 100)
                    op("capture", first)
                    if rng.random() < 0.2:
                        op("capture", order.minor - order.captured + 1)  # refused: too much
                    op("capture", order.minor - order.captured)
                if rng.random() < 0.2:
                    op("void")  # refused: captured
            for _ in range(rng.randint(1, 3)):
                left = order.captured - order.refunded
                if left <= 0:
                    break
                op("refund", left if rng.random() < 0.2 else rng.randint(1, max(1, left // 2)))
            if rng.random() < 0.3:
                op("refund", order.captured - order.refunded + rng.randint(1, 500))  # refused
            if rng.random() < 0.15:
                self.race(order, secret, rng, "refund")
        except Unavailable as e:
            self.stats.error("no_process_answered", detail=str(e))

    def race(self, order: Order, secret: str, rng: random.Random, kind: str) -> None:
        """Two captures or refunds of 60 % of what is left, at once, to two processes: one
        wins, the other is refused as too much."""
        left = order.authorized - order.captured if kind == "capture" else \
            order.captured - order.refunded
        if left < 2:
            return
        amount = -(-left * 6 // 10)
        first = self.fleet.next_index()
        seeds = [rng.random(), rng.random()]

        def one(k: int) -> int | None:
            client = Client(self.fleet, self.stats, self.args.request_timeout)
            try:
                return self.operate(client, order, secret, kind, amount, random.Random(seeds[k]),
                                    prefer=(first + k) % len(self.fleet.ports), racing=True)
            except Unavailable:
                return None

        statuses = at_once(one)
        self.stats.add(f"{kind}_races")
        wins = statuses.count(200)
        if wins > 1:
            self.stats.add(f"{kind}_races_both_won")  # an over-refund, or a doubled capture
        elif None not in statuses and (wins == 0 or statuses.count(422) != 1):
            self.stats.error(f"{kind}_race_unexpected", statuses=str(statuses))

    # -- the killer ------------------------------------------------------------------------

    def killer(self, started: float) -> None:
        """Every KILL_INTERVAL seconds (on the clock, not after the restart), `kill -9` the next
        process in turn and start it again on its port after RESTART_AFTER seconds."""
        n = len(self.fleet.gateways)
        for k in itertools.count():
            self.fleet.next_victim = k % n  # where some order-management requests aim
            due = started + (k + 1) * self.args.kill_interval
            if self.stop.wait(max(0.0, due - time.monotonic())):
                return
            victim = self.fleet.gateways[k % n]
            aim = time.monotonic()  # a pay step in flight, else any POST, else none
            while not self.fleet.pays_in_flight[victim.index] and time.monotonic() - aim < 1:
                time.sleep(0.0005)
            while not self.fleet.posts_in_flight[victim.index] and time.monotonic() - aim < 2:
                time.sleep(0.0005)
            time.sleep(self.kill_rng.uniform(0, 0.15))  # somewhere inside its handling
            self.fleet.killed_at[victim.index] = time.monotonic()
            at = time.time()
            victim.kill9()
            time.sleep(self.args.restart_after)
            victim.start()
            try:
                ready = victim.wait_ready()
            except RuntimeError as e:
                self.stats.error("restart_failed", detail=str(e))
                ready = None
            self.kills.append({"at": at, "gateway": victim.index, "ready_after_s": ready})
            print(f"  {time.strftime('%H:%M:%S')} kill -9 gateway {victim.index} "
                  f"(port {victim.port}), restarted, ready in "
                  f"{ready if ready is None else round(ready, 2)} s", flush=True)


# ------------------------------------------------------------------------------------------
# The database, through psql.


def psql(url: str, sql: str) -> str:
    done = subprocess.run(["psql", url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                           "-c", sql], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"psql failed: {done.stderr.strip()}")
    return done.stdout.strip()


def rows(url: str, sql: str) -> list[dict]:
    return json.loads(psql(url, f"SELECT coalesce(json_agg(t), '[]') FROM ({sql}) t") or "[]")


def with_database(url: str, name: str) -> str:
    u = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((u.scheme, u.netloc, "/" + name, u.query, ""))


def drain(url: str, timeout: float) -> dict:
    """Waits until nothing is left to do: no callback pending, no payment pending settlement,
    no pay step in flight, no unpaid payment past its time (and none still to expire, if
    that comes within the bounded wait). Returns what is left when it gives up."""
    started = time.monotonic()
    while True:
        now = int(time.time() * 1000)
        left = rows(url, f"""
            SELECT
              (SELECT count(*) FROM callbacks WHERE status = 'pending') AS callbacks_pending,
              (SELECT count(*) FROM payments WHERE status = 'pending') AS payments_pending,
              (SELECT count(*) FROM payments WHERE attempt_key IS NOT NULL) AS pay_in_flight,
              (SELECT count(*) FROM payments
                WHERE status IN ('open', 'challenge', 'cancelled') AND attempt_key IS NULL
                  AND expires_at <= {now}) AS past_their_time,
              (SELECT max(expires_at) FROM payments
                WHERE status IN ('open', 'challenge', 'cancelled')) AS last_expiry""")[0]
        waited = time.monotonic() - started
        to_expire = left["last_expiry"] is not None and \
            left["last_expiry"] - now < (timeout - waited) * 1000
        busy = left["callbacks_pending"] or left["payments_pending"] or \
            left["pay_in_flight"] or left["past_their_time"] or to_expire
        if not busy:
            return {"waited_s": round(waited, 1), "left": {}}
        if waited > timeout:
            return {"waited_s": round(waited, 1),
                    "left": {k: v for k, v in left.items() if k != "last_expiry" and v}}
        time.sleep(1.0)


# ------------------------------------------------------------------------------------------
# The report.


def report(url: str, soak: Soak, stats: Stats, drained: dict, exits: list, logs: list[str],
           load_s: float, lease_s: float) -> dict:
    payments = rows(url, """SELECT id, reference, status, transaction_type, amount_minor,
        authorized_minor, captured_minor, refunded_minor FROM payments""")
    charges = rows(url, "SELECT payment_id, idempotency_key, outcome FROM test_processor_charges")
    callbacks = rows(url, """SELECT id, payment_id, operation_id, result, status, attempts,
        body LIKE '%x_message=expired%' AS expiry,
        encode(sha256(convert_to(body, 'UTF8')), 'hex') AS digest
        FROM callbacks WHERE endpoint_id IS NULL""")
    attempts = rows(url, """SELECT coalesce(http_status::text, error_kind, '?') AS answer,
        count(*) AS n FROM callback_attempts GROUP BY 1""")
    operations = rows(url, "SELECT id, payment_id, kind, amount_minor FROM operations")
    deliveries = sorted(soak.storefront.deliveries, key=lambda d: d["at"])
    by_id = {p["id"]: p for p in payments}
    by_ref = {p["reference"]: p for p in payments}
    orders = {o.reference: o for o in soak.orders}
    findings: dict[str, list] = collections.defaultdict(list)

    # Charges: at most one approved charge per payment, none left on an unpaid payment.
    approved = collections.Counter(c["payment_id"] for c in charges if c["outcome"] == "approved")
    settled_later = {c["payment_id"] for c in charges if c["outcome"] == "pending"}
    for pid, n in approved.items():
        p = by_id.get(pid)
        if n > 1:
            findings["doubled"].append(f"payment {pid}: {n} approved charges")
        if p is None or p["status"] not in ("authorized", "captured", "voided"):
            findings["stranded"].append(
                f"payment {pid}: approved charge, status {p and p['status']}")
    for p in payments:
        if p["captured_minor"] > p["authorized_minor"] or p["authorized_minor"] > p["amount_minor"]:
            findings["doubled"].append(
                f"payment {p['id']}: amount {p['amount_minor']}, authorized "
                f"{p['authorized_minor']}, captured {p['captured_minor']}")
        if p["refunded_minor"] > p["captured_minor"]:
            findings["over_refunds"].append(
                f"payment {p['id']}: refunded {p['refunded_minor']} of {p['captured_minor']}")
        if p["status"] in ("authorized", "captured", "voided", "pending") and \
                not approved.get(p["id"]) and p["id"] not in settled_later:
            findings["unbacked"].append(f"payment {p['id']}: {p['status']} without a charge")

    # The ledger: the operations agree with the payment's columns and with what the shoppers
    # were told (an operation applied twice, or one answered 200 and not kept).
    op_sum = collections.defaultdict(lambda: collections.Counter())
    for o in operations:
        op_sum[o["payment_id"]][o["kind"]] += o["amount_minor"] or 0
    told_ops = {op["id"] for o in soak.orders for op in o.ops}
    for o in operations:
        if o["id"] not in told_ops:
            p = by_id.get(o["payment_id"])
            order = orders.get(p["reference"]) if p else None
            if order is None or not order.om_abandoned:
                findings["doubled"].append(f"operation {o['id']} ({o['kind']}) on payment "
                                           f"{o['payment_id']}: nobody was answered 200 for it")
    # What was lost, once each: a callback that gave up (or is still pending), a payment whose
    # storefront never heard its final state, an operation never kept or never told.
    lost: dict[tuple, str] = {}
    told_payments: set[str] = set()  # those whose loss a lost callback already counts
    told_operations: set[str] = set()

    def lose_callback(c: dict, why: str) -> None:
        lost.setdefault(("callback", c["id"]), f"callback {c['id']} of payment "
                                                f"{c['payment_id']}: {why}")
        if c["operation_id"] is None:
            told_payments.add(c["payment_id"])
        else:
            told_operations.add(c["operation_id"])

    db_ops = {o["id"] for o in operations}
    for order in soak.orders:
        for op in order.ops:
            if op["id"] not in db_ops:
                lost.setdefault(("operation", op["id"]),
                                f"operation {op['id']} ({op['kind']}) of {order.reference}: "
                                f"answered 200, not in the database")
        p = by_ref.get(order.reference)
        if p is None or order.result != "completed" or order.om_abandoned:
            continue
        base = p["amount_minor"] if p["transaction_type"] == "sale" else 0
        if p["captured_minor"] != base + op_sum[p["id"]]["capture"] or \
                p["refunded_minor"] != op_sum[p["id"]]["refund"]:
            findings["ledger"].append(f"payment {p['id']}: columns disagree with operations")
        if (p["captured_minor"], p["refunded_minor"]) != (order.captured, order.refunded):
            findings["ledger"].append(
                f"payment {p['id']}: captured/refunded {p['captured_minor']}/"
                f"{p['refunded_minor']}, shopper was told {order.captured}/{order.refunded}")
        if order.refunded > order.captured:
            findings["over_refunds"].append(f"{order.reference}: told refunded {order.refunded}"
                                            f" of {order.captured}")
    for _ in range(stats.counts["refund_races_both_won"]):
        findings["over_refunds"].append("a refund race in which both refunds were answered 200")
    for _ in range(stats.counts["capture_races_both_won"]):
        findings["doubled"].append("a capture race in which both captures were answered 200")

    # Callbacks: each payment-state change once; every one delivered (a 200 at the storefront).
    per_payment = collections.defaultdict(collections.Counter)
    for c in callbacks:
        if c["operation_id"] is None:
            per_payment[c["payment_id"]][c["result"]] += 1
        if c["status"] == "gave_up":
            lose_callback(c, f"gave up after {c['attempts']} attempts")
        if c["status"] == "pending":
            lose_callback(c, "still pending after the drain")
    for pid, results in per_payment.items():
        for result, n in results.items():
            if n > 1:
                findings["doubled"].append(f"payment {pid}: {n} '{result}' callbacks queued")
    ok = [d for d in deliveries if d["status"] == 200]
    ok_digests = collections.Counter(d["digest"] for d in ok)
    for c in callbacks:
        if c["status"] == "delivered" and not ok_digests[c["digest"]]:
            lose_callback(c, "delivered in the database, never answered 200 by the storefront")
    last_state: dict[str, dict] = {}
    order_of_states = {"pending": 0, "completed": 1, "failed": 1}
    for d in ok:
        if d["x_transaction_type"] in ("sale", "authorization"):
            prev = last_state.get(d["x_reference"])
            if prev and order_of_states.get(d["x_result"], 0) < \
                    order_of_states.get(prev["x_result"], 0):
                findings["out_of_order"].append(f"{d['x_reference']}: '{d['x_result']}' after "
                                                f"'{prev['x_result']}'")
            last_state[d["x_reference"]] = d
    expected_result = {"authorized": "completed", "captured": "completed",
                       "voided": "completed", "pending": "pending", "failed": "failed",
                       "expired": "failed"}
    for p in payments:
        want = expected_result.get(p["status"])
        if want is None:
            continue
        got = last_state.get(p["reference"])
        if (got is None or got["x_result"] != want) and p["id"] not in told_payments:
            lost.setdefault(("payment", p["id"]),
                            f"payment {p['id']} ({p['status']}): storefront's last state "
                            f"{got and got['x_result']}, expected {want}")
    op_ok = {d["x_gateway_reference"] for d in ok
             if d["x_transaction_type"] in ("capture", "refund", "void")}
    op_callbacks = {c["operation_id"] for c in callbacks if c["operation_id"]}
    wanted_callback = {op["id"] for o in soak.orders for op in o.ops if op["callback"]}
    for o in operations:
        if (o["id"] in op_callbacks or o["id"] in wanted_callback) and o["id"] not in op_ok \
                and o["id"] not in told_operations:
            lost.setdefault(("operation", o["id"]),
                            f"operation {o['id']} ({o['kind']}): its callback never answered 200")
    findings["lost"] = list(lost.values())
    twice_after_kill = twice_unexplained = 0
    first_ok: dict[str, float] = {}
    kill_times = [k["at"] for k in soak.kills]
    for d in ok:
        first = first_ok.setdefault(d["digest"], d["at"])
        if first != d["at"]:
            if any(first - 1 <= k <= d["at"] and k - first <= lease_s + 5 for k in kill_times):
                twice_after_kill += 1
            else:
                twice_unexplained += 1

    # What the storefront and the gateways' logs say.
    sig_bad = sum(1 for d in deliveries if not d["signature_ok"])
    text = "".join(open(p, errors="replace").read() for p in logs)
    panics = text.count("panicked")
    recovered = text.count("recovered a pay step cut short")
    forgotten = text.count("never reached the processor; forgotten")
    log_errors = sum(1 for p in logs for line in open(p, errors="replace")
                     if " ERROR " in line or '"level":"ERROR"' in line)
    statuses = collections.Counter(p["status"] for p in payments)
    outcomes = collections.Counter(c["outcome"] for c in charges)
    cb_status = collections.Counter(c["status"] for c in callbacks)
    answers = {a["answer"]: a["n"] for a in attempts}
    c = stats.counts
    om = {k[3:]: v for k, v in sorted(c.items()) if k.startswith("om_") and "_as_expected" not in k}
    errors_total = stats.errors_total()
    result = {
        "load_s": round(load_s, 1),
        "shoppers": soak.args.shoppers,
        "processes": len(soak.fleet.gateways),
        "kills": len(soak.kills),
        "restart_ready_s_median": round(statistics.median(
            [k["ready_after_s"] for k in soak.kills if k["ready_after_s"] is not None] or [0]), 2),
        "requests": c["requests"],
        "requests_per_s": round(c["requests"] / load_s, 1) if load_s else 0,
        "payments": len(payments),
        "payments_by_status": dict(statuses.most_common()),
        "checkouts_by_shoppers": c["checkouts"],
        "checkout_replays": c["checkout_replays"],
        "plans": dict(collections.Counter(o.plan for o in soak.orders).most_common()),
        "charges": len(charges),
        "charges_by_outcome": dict(outcomes.most_common()),
        "doubled": len(set(findings["doubled"])),
        "stranded_charges": len(findings["stranded"]),
        "unbacked_payments": len(findings["unbacked"]),
        "pay_waits_for_recovery": c["pay_waits"],
        "pay_steps_recovered": recovered,
        "pay_cut_came_back_later": c["pay_cut_came_back_later"],
        "pay_double_submits": c["pay_double_submits"],
        "pay_steps_forgotten": forgotten,
        "callbacks_queued": len(callbacks),
        "callbacks_by_status": dict(cb_status.most_common()),
        "callback_attempts_recorded": sum(answers.values()),
        "callback_attempts_by_answer": answers,
        "storefront_received": len(deliveries),
        "storefront_answered": dict(collections.Counter(d["status"] for d in deliveries)),
        "storefront_bad_signatures": sig_bad,
        "delivered": len(ok_digests),
        "delivered_twice_after_a_kill": twice_after_kill,
        "delivered_twice_unexplained": twice_unexplained,
        "lost": len(findings["lost"]),
        "out_of_order": len(findings["out_of_order"]),
        "operations": dict(collections.Counter(o["kind"] for o in operations)),
        "om_requests_by_status": om,
        "om_refused_as_expected": sum(v for k, v in c.items() if "_as_expected" in k),
        "refund_races": c["refund_races"],
        "capture_races": c["capture_races"],
        "over_refunds": len(findings["over_refunds"]),
        "ledger_mismatches": len(findings["ledger"]),
        "http_errors": errors_total,
        "http_errors_by_kind": {k[6:]: v for k, v in c.items() if k.startswith("error:")},
        "unavailable_refused": c["unavailable_refused"],
        "unavailable_cut": c["unavailable_cut"],
        "cut_by_request": {k[4:]: v for k, v in sorted(c.items()) if k.startswith("cut ")},
        "returns": dict(soak.storefront.returns),
        "drain": drained,
        "graceful_exit_codes": exits,
        "log_panics": panics,
        "log_error_lines": log_errors,
        "findings": {k: sorted(set(v))[:30] for k, v in findings.items() if v},
        "errors": stats.errors[:50],
    }
    return result


def table(r: dict, args) -> str:
    def fmt(d: dict) -> str:
        return ", ".join(f"{k} {v}" for k, v in d.items()) or "-"

    lines = [
        ("load", f"{r['load_s']:.0f} s, {r['shoppers']} shoppers over {r['processes']} processes "
                 f"on one PostgreSQL; {r['requests']} requests ({r['requests_per_s']}/s)"),
        ("kills (`kill -9`, restart on the same port)",
         f"{r['kills']}, every {args.kill_interval:g} s; ready again in "
         f"{r['restart_ready_s_median']} s (median)"),
        ("payments created", f"{r['payments']}: {fmt(r['payments_by_status'])}"),
        ("charges (test_processor_charges)", f"{r['charges']}: {fmt(r['charges_by_outcome'])}"),
        ("doubled charges", str(r["doubled"])),
        ("stranded charges (approved, payment unpaid)", str(r["stranded_charges"])),
        ("pay steps cut by a kill",
         f"{r['pay_steps_recovered']} recovered (charge applied), {r['pay_steps_forgotten']} "
         f"forgotten (never charged); {r['pay_cut_came_back_later']} shoppers came back later, "
         f"{r['pay_waits_for_recovery']} waited on the page"),
        ("double submits of the pay form (two processes at once)",
         str(r["pay_double_submits"])),
        ("callbacks queued", f"{r['callbacks_queued']}: {fmt(r['callbacks_by_status'])}"),
        ("callback attempts sent",
         f"{r['callback_attempts_recorded']} recorded ({fmt(r['callback_attempts_by_answer'])}); "
         f"{r['storefront_received']} reached the storefront"),
        ("delivered (answered 200)",
         f"{r['delivered']} ({r['delivered_twice_after_a_kill']} twice after a kill, "
         f"{r['delivered_twice_unexplained']} twice otherwise)"),
        ("lost callbacks", str(r["lost"])),
        ("out-of-order states", str(r["out_of_order"])),
        ("order management", f"{fmt(r['operations'])} done; {r['om_refused_as_expected']} "
                             f"refused as expected; races of two at once: "
                             f"{r['capture_races']} captures, {r['refund_races']} refunds"),
        ("over-refunds", str(r["over_refunds"])),
        ("ledger mismatches", str(r["ledger_mismatches"])),
        ("HTTP errors (5xx, unexpected, timeouts)", f"{r['http_errors']}" +
         (f": {fmt(r['http_errors_by_kind'])}" if r["http_errors"] else "")),
        ("unavailable (killed process)",
         f"{r['unavailable_refused']} refused, {r['unavailable_cut']} cut mid-request"),
        ("drain", f"{r['drain']['waited_s']} s, " +
         (f"left: {fmt(r['drain']['left'])}" if r["drain"]["left"] else "nothing left")),
        ("gateway logs", f"{r['log_panics']} panics, {r['log_error_lines']} ERROR lines; "
                         f"exit codes on SIGTERM {r['graceful_exit_codes']}"),
    ]
    out = ["| measure | result |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in lines]
    return "\n".join(out)


# ------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default="target/release/offsite-gateway",
                    help="the gateway to run (default: %(default)s)")
    ap.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres",
                    help="server to create the fresh database on (its maintenance database)")
    ap.add_argument("--database-url", help="an existing empty database to use instead")
    ap.add_argument("--keep-db", action="store_true", help="keep the database after a clean run")
    ap.add_argument("--duration", type=float, default=600, help="seconds of load")
    ap.add_argument("--kill-interval", type=float, default=30, help="seconds between kills")
    ap.add_argument("--restart-after", type=float, default=1.5,
                    help="seconds a killed process stays down")
    ap.add_argument("--shoppers", type=int, default=12, help="concurrent shoppers")
    ap.add_argument("--om-share", type=float, default=0.7,
                    help="share of completed payments that get captures/refunds/voids")
    ap.add_argument("--fail-share", type=float, default=1 / 3,
                    help="share of callbacks the storefront answers 500")
    ap.add_argument("--retry-schedule", default="1s,1s,1s,2s,2s,2s,3s,3s,3s,4s,4s,4s,5s,5s,5s,5s",
                    help="GATEWAY_CALLBACK_RETRY_SCHEDULE: 17 attempts, ~50 s; a third failing "
                         "at random leaves 1 in 3^17 undelivered")
    ap.add_argument("--checkout-ttl", default="60s", help="GATEWAY_CHECKOUT_TTL (abandoned "
                    "payments expire during the run)")
    ap.add_argument("--drain-timeout", type=float, default=240,
                    help="seconds to wait at the end for the queue to drain")
    ap.add_argument("--request-timeout", type=float, default=30,
                    help="seconds a live process may take to answer (then an error)")
    ap.add_argument("--seed", type=int, default=14, help="for the shoppers and the storefront")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()

    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"no gateway binary at {binary}: cargo build --release")
    if not shutil.which("psql"):
        sys.exit("the psql client is needed (apt-get install postgresql-client)")
    stats = Stats()
    created_db = None
    if args.database_url:
        url = args.database_url
    else:
        created_db = f"soak_{time.strftime('%Y%m%d_%H%M%S')}"
        psql(args.postgres, f"CREATE DATABASE {created_db}")
        url = with_database(args.postgres, created_db)
    logdir = tempfile.mkdtemp(prefix="soak-")
    master_key = base64.b64encode(os.urandom(32)).decode()
    callback_timeout = 5.0
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GATEWAY_")},
        "DATABASE_URL": url,
        "GATEWAY_MASTER_KEY": master_key,
        "GATEWAY_ALLOW_PRIVATE_TARGETS": "true",
        "GATEWAY_CALLBACK_ALLOW_NETS": "127.0.0.1/32",
        "GATEWAY_CALLBACK_RETRY_SCHEDULE": args.retry_schedule,
        "GATEWAY_CALLBACK_TIMEOUT": f"{callback_timeout:g}s",
        "GATEWAY_PENDING_SETTLE_AFTER": "2s",
        "GATEWAY_PAY_RECOVERY_AFTER": "5s",
        "GATEWAY_CHECKOUT_TTL": args.checkout_ttl,
        # Every shopper here comes from 127.0.0.1: the per-address and per-merchant limits
        # would be the soak's bottleneck, not the gateway's durability. They still run.
        "GATEWAY_CHECKOUT_RATE_LIMIT": "1000000000",
        "GATEWAY_PAY_RATE_LIMIT": "1000000000",
        "GATEWAY_ORDER_RATE_LIMIT": "1000000000",
        "RUST_LOG": os.environ.get("SOAK_RUST_LOG", "info,poem=warn,sqlx=warn,sea_orm=warn"),
    }
    print(f"database {url}\nlogs     {logdir}", flush=True)

    merchants = []
    for name in ("Soak shop A", "Soak shop B"):
        out = subprocess.run([binary, "merchant", "create", "--name", name, "--test-only",
                              "--json"], env=env, capture_output=True, text=True, check=True)
        merchants.append(json.loads(out.stdout.strip().splitlines()[-1]))
    storefront = Storefront({m["account_id"]: m["secret"] for m in merchants}, args.seed,
                            args.fail_share, stats)
    ports: list[int] = []
    while len(ports) < 3:
        p = free_port()
        if p not in ports and p != storefront.port:
            ports.append(p)
    gateways = [Gateway(i, binary, port, env, logdir) for i, port in enumerate(ports)]
    fleet = Fleet(gateways)
    soak = Soak(args, fleet, storefront, merchants, stats)
    clean = False
    try:
        for g in gateways:
            g.start()
        for g in gateways:
            g.wait_ready()
        print(f"gateways on ports {ports}, storefront on {storefront.port}; "
              f"{args.shoppers} shoppers for {args.duration:g} s, a kill every "
              f"{args.kill_interval:g} s", flush=True)
        started = time.monotonic()
        shoppers = [threading.Thread(target=soak.shopper, args=(i,), daemon=True)
                    for i in range(args.shoppers)]
        killer = threading.Thread(target=soak.killer, args=(started,), daemon=True)
        for t in shoppers:
            t.start()
        killer.start()
        next_note = 60.0
        while time.monotonic() - started < args.duration:
            time.sleep(1)
            if time.monotonic() - started >= next_note:
                next_note += 60
                print(f"  {time.monotonic() - started:4.0f} s: {stats.counts['checkouts']} "
                      f"payments, {stats.counts['requests']} requests, "
                      f"{stats.errors_total()} errors", flush=True)
        soak.stop.set()
        killer.join()
        for t in shoppers:
            t.join(timeout=150)
        load_s = time.monotonic() - started
        for g in gateways:  # all up for the drain
            if g.proc is None or g.proc.poll() is not None:
                g.start()
                g.wait_ready()
        print(f"load stopped after {load_s:.0f} s; draining (at most {args.drain_timeout:g} s)",
              flush=True)
        drained = drain(url, args.drain_timeout)
        exits = [g.stop() for g in gateways]
        result = report(url, soak, stats, drained, exits, [g.log_path for g in gateways],
                        load_s, callback_timeout + 5)
        result.update({"database": url, "logs": logdir,
                       "date": time.strftime("%Y-%m-%d %H:%M %Z"), "cores": os.cpu_count()})
        print()
        print(table(result, args))
        for kind, items in result["findings"].items():
            print(f"\n{kind}:")
            for item in items[:10]:
                print(f"  {item}")
        if result["errors"]:
            print("\nfirst errors:")
            for e in result["errors"][:10]:
                print(f"  {e}")
        if args.json:
            with open(args.json, "w") as f:
                json.dump(result, f, indent=2, default=str)
        bad = result["lost"] + result["doubled"] + result["over_refunds"] + \
            result["stranded_charges"]
        odd = result["http_errors"] + result["ledger_mismatches"] + result["out_of_order"] + \
            result["unbacked_payments"] + result["storefront_bad_signatures"] + \
            result["delivered_twice_unexplained"] + result["log_panics"] + \
            len(result["drain"]["left"]) + sum(1 for e in exits if e != 0)
        clean = bad == 0 and odd == 0
        return 1 if bad else (2 if odd else 0)
    finally:
        soak.stop.set()
        for g in gateways:
            if g.proc is not None and g.proc.poll() is None:
                g.proc.kill()
                g.proc.wait()
        storefront.server.shutdown()
        if created_db and clean and not args.keep_db:
            psql(args.postgres, f"DROP DATABASE IF EXISTS {created_db} WITH (FORCE)")
        elif created_db:
            print(f"\nkept database {created_db}; logs in {logdir}")


if __name__ == "__main__":
    sys.exit(main())
