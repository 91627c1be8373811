"""A merchant settling an order in a real browser (Debian's headless Chromium, driven by
Playwright): "what happened to order 1001?" answered and settled from the dashboard alone.

A storefront's callback endpoint is down, so the paid order's callback gives up. The merchant
logs in, finds the payment by its reference, reads its timeline, refunds part of it, and, once
the storefront is back, sends the callback again and sees it delivered. Each page is
screenshotted and audited with axe-core.

    python3 tests/browser/settle.py target/debug/offsite-gateway [screenshot-dir]
"""
import hashlib
import hmac
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from playwright.sync_api import sync_playwright

from journey import (CHROMIUM_ARGS, RECEIVER_HOST, axe_check, axe_path, check, free_port, gateway_env, results,
                     start_gateway)

EMAIL = 'owner@example.com'
PASSWORD = 'correct horse battery staple'


class Storefront:
    """A callback endpoint that answers 503 until it is fixed, and records what it got."""

    def __init__(self):
        self.up = False
        self.received = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get('content-length', 0))).decode()
                outer.received.append(dict(urllib.parse.parse_qsl(body)))
                self.send_response(200 if outer.up else 503)
                self.end_headers()

        self.port = free_port(RECEIVER_HOST)
        self.server = ThreadingHTTPServer((RECEIVER_HOST, self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path):
        return f'http://{RECEIVER_HOST}:{self.port}{path}'


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def post(url, fields):
    opener = urllib.request.build_opener(NoRedirect)
    data = urllib.parse.urlencode(fields).encode()
    try:
        resp = opener.open(urllib.request.Request(url, data=data), timeout=10)
        return resp.status, resp.headers.get('location'), resp.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get('location'), e.read().decode()


def signed(secret, fields):
    msg = ''.join(k + v for k, v in sorted(fields.items()) if k.startswith('x_') and k != 'x_signature')
    return dict(fields, x_signature=hmac.new(secret.encode(), msg.encode(), hashlib.sha256).hexdigest())


def main():
    binary = sys.argv[1]
    shots = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp()
    os.makedirs(shots, exist_ok=True)
    axe_js = axe_path()
    workdir = tempfile.mkdtemp()
    port = free_port()
    extra = {'GATEWAY_CALLBACK_RETRY_SCHEDULE': '200ms'}
    proc, gateway, account, secret = start_gateway(binary, workdir, port, **extra)
    shop = Storefront()
    try:
        # The order: paid with 4242 by a shopper (here, by the script over HTTP).
        fields = signed(secret, {
            'x_account_id': account, 'x_amount': '25.00', 'x_currency': 'EUR', 'x_reference': 'order-1001',
            'x_shop_country': 'DE', 'x_shop_name': 'Settle shop', 'x_test': 'true',
            'x_url_callback': shop.url('/callback'), 'x_url_cancel': 'https://shop.example.com/cart',
            'x_url_complete': 'https://shop.example.com/done'})
        status, location, _ = post(gateway + '/checkout', fields)
        check('the order is accepted', status == 303 and location.startswith('/pay/'), (status, location))
        pay_page = urllib.request.urlopen(gateway + location, timeout=10).read().decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', pay_page).group(1)
        status, back, _ = post(gateway + location, {
            'csrf_token': token, 'attempt': '0', 'cardholder_name': 'Ada Lovelace',
            'card_number': '4242 4242 4242 4242', 'card_expiry': '12/30', 'card_cvc': '123'})
        check('the shopper paid and went back to the storefront', status == 303 and 'x_result=completed' in (back or ''),
              (status, back))
        deadline = time.time() + 15
        while time.time() < deadline and len(shop.received) < 2:
            time.sleep(0.1)
        check('the storefront was down: the callback was tried twice and refused', len(shop.received) >= 2,
              len(shop.received))
        time.sleep(0.5)

        invite = subprocess.run([os.path.abspath(binary), 'merchant', 'invite', account, '--email', EMAIL],
                                cwd=workdir, env=gateway_env(port, **extra), capture_output=True, text=True,
                                timeout=60)
        link = invite.stdout.splitlines()[0].strip()

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path='/usr/bin/chromium', headless=True, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={'width': 1024, 'height': 800}, bypass_csp=True)
            page = context.new_page()

            def shot(name):
                page.screenshot(path=os.path.join(shots, f'settle-{name}.png'), full_page=True)

            page.goto(link)
            page.fill('#password', PASSWORD)
            page.fill('#password_confirm', PASSWORD)
            with page.expect_navigation():
                page.click('#setup-form button[type=submit]')
            page.fill('#email', EMAIL)
            page.fill('#password', PASSWORD)
            with page.expect_navigation():
                page.click('#login-form button[type=submit]')
            check('logged in', page.url.rstrip('/').endswith('/dashboard'), page.url)

            # "What happened to order 1001?"
            page.goto(gateway + '/dashboard/payments')
            shot('payments')
            axe_check(page, axe_js, 'the payments list')
            page.fill('#payments-filter [name=reference]', 'order-1001')
            with page.expect_navigation():
                page.click('#payments-filter [type=submit]')
            rows = page.locator('#payments tr[data-payment-id]')
            check('filtering by reference finds the one payment', rows.count() == 1, rows.count())
            shot('payments-filtered')
            payment_id = rows.first.get_attribute('data-payment-id')
            check('the row is the payment paid', payment_id and payment_id in location, (payment_id, location))
            page.goto(gateway + f'/dashboard/payments/{payment_id}')
            shot('payment')
            axe_check(page, axe_js, 'the payment page')
            events = page.locator('#timeline li').all_text_contents()
            check('the timeline tells the story in order', len(events) >= 3, events)
            callbacks_text = page.text_content('#callbacks') or ''
            check('the callback shows it gave up, with its attempts', 'gave' in callbacks_text.lower()
                  and '503' in callbacks_text, callbacks_text[:300])

            # Refund part of it.
            page.fill('#refund-form [name=amount]', '10.00')
            with page.expect_navigation():
                page.click('#refund-form [type=submit]')
            shot('refunded')
            body = page.text_content('main') or ''
            check('the refund of 10.00 shows on the payment', '10.00' in body and 'refund' in body.lower(),
                  body[:400])

            # The storefront is back: send the callback again and see it delivered.
            shop.up = True
            before = len(shop.received)
            with page.expect_navigation():
                page.locator('form.resend-form [type=submit]').first.click()
            deadline = time.time() + 15
            delivered = False
            while time.time() < deadline and not delivered:
                page.goto(gateway + f'/dashboard/payments/{payment_id}')
                delivered = 'delivered' in (page.text_content('#callbacks') or '').lower()
                if not delivered:
                    time.sleep(0.3)
            shot('delivered')
            check('the resent callback is delivered, and the storefront got it', delivered and len(shop.received) > before,
                  (delivered, len(shop.received), before))
            axe_check(page, axe_js, 'the payment page after the resend')
            page.set_viewport_size({'width': 390, 'height': 844})
            shot('payment-390')
            axe_check(page, axe_js, 'the payment page at 390px')
            page.goto(gateway + '/dashboard')
            audit = page.locator('#audit-log tr[data-event]').evaluate_all('rows => rows.map(r => r.dataset.event)')
            check('the refund is in the audit log', 'payment.refunded' in audit, audit)
            browser.close()
    finally:
        shop.server.shutdown()
        proc.terminate()
        proc.wait(timeout=15)
    failed = sum(1 for _, ok in results if not ok)
    print(f'{len(results) - failed} passed, {failed} failed')
    print(f'screenshots: {shots}')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
